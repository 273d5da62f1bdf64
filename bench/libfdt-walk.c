/*
 * Reference walk for the fdt-index bench: how fast libfdt visits every node and
 * property of a blob.
 *
 * usage: libfdt-walk FILE.dtb MIN_REPS BUDGET_MS MAX_REPS [names]
 *
 * One walk = fdt_check_header, then fdt_next_node over every node and, per node,
 * fdt_first_property_offset/fdt_next_property_offset with fdt_getprop_by_offset
 * (which resolves the name in the strings block). The walk is repeated at least
 * MIN_REPS times and until BUDGET_MS has passed, but at most MAX_REPS times;
 * each walk is timed with CLOCK_MONOTONIC. Prints one JSON object: sizes, counts, and min/median ns.
 *
 * With "names" the walk also does what decoding every name means in C: it
 * gets each node's name with fdt_get_name and reads every byte of every node
 * and property name (the counterpart of our side building each name as a
 * string); without it only the first byte of each property name is read.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libfdt.h>

/* Set by the optional "names" argument: read every byte of every node and property name. */
static int read_all_names;

struct walk_totals {
	long nodes;
	long properties;
	/* Folds in every name byte and value pointer read, so the compiler must keep the reads. */
	uintptr_t checksum;
};

/* Walks the whole tree; returns 0 or a negative libfdt error code. */
static int walk(const void *fdt, struct walk_totals *totals)
{
	int depth = 0;
	int node;
	int err = fdt_check_header(fdt);

	if (err)
		return err;
	memset(totals, 0, sizeof(*totals));
	/* fdt_next_node drops depth below 0 once it steps past the root's END_NODE. */
	for (node = 0; node >= 0 && depth >= 0; node = fdt_next_node(fdt, node, &depth)) {
		int property;

		totals->nodes++;
		if (read_all_names) {
			int name_length;
			const char *node_name = fdt_get_name(fdt, node, &name_length);

			if (!node_name)
				return name_length;
			for (int i = 0; i < name_length; i++)
				totals->checksum += (unsigned char)node_name[i];
		}
		fdt_for_each_property_offset(property, fdt, node) {
			const char *name;
			int length;
			const void *value = fdt_getprop_by_offset(fdt, property, &name, &length);

			if (!value)
				return length;
			totals->properties++;
			totals->checksum += (unsigned char)name[0] + (uintptr_t)value + (uintptr_t)length;
			if (read_all_names)
				for (const char *c = name + 1; *c; c++)
					totals->checksum += (unsigned char)*c;
		}
		if (property != -FDT_ERR_NOTFOUND)
			return property;
	}
	if (node < 0 && node != -FDT_ERR_NOTFOUND)
		return node;
	return 0;
}

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int compare_ns(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Reads the whole file into an 8-byte aligned buffer (libfdt wants aligned blobs). */
static void *read_blob(const char *path, long *size)
{
	FILE *file = fopen(path, "rb");
	void *buffer;

	if (!file) {
		fprintf(stderr, "libfdt-walk: cannot open %s: %s\n", path, strerror(errno));
		exit(1);
	}
	if (fseek(file, 0, SEEK_END) != 0 || (*size = ftell(file)) <= 0 || fseek(file, 0, SEEK_SET) != 0) {
		fprintf(stderr, "libfdt-walk: cannot size %s\n", path);
		exit(1);
	}
	if (posix_memalign(&buffer, 8, (size_t)*size) != 0 || fread(buffer, 1, (size_t)*size, file) != (size_t)*size) {
		fprintf(stderr, "libfdt-walk: cannot read %s\n", path);
		exit(1);
	}
	fclose(file);
	return buffer;
}

int main(int argc, char **argv)
{
	struct walk_totals totals;
	long size, min_reps, budget_ms, max_reps, reps = 0;
	int64_t *samples, started, total_ns = 0;
	void *fdt;
	int err;

	if (argc == 6 && strcmp(argv[5], "names") == 0) {
		read_all_names = 1;
		argc = 5;
	}
	if (argc != 5 || (min_reps = atol(argv[2])) < 1 || (budget_ms = atol(argv[3])) < 0 ||
	    (max_reps = atol(argv[4])) < min_reps) {
		fprintf(stderr, "usage: libfdt-walk FILE.dtb MIN_REPS BUDGET_MS MAX_REPS [names] (MAX_REPS >= MIN_REPS >= 1)\n");
		return 2;
	}
	fdt = read_blob(argv[1], &size);
	samples = malloc(sizeof(*samples) * (size_t)max_reps);
	if (!samples)
		return 1;

	/* Untimed first walk: faults the pages in and validates the blob. */
	err = walk(fdt, &totals);
	if (err) {
		fprintf(stderr, "libfdt-walk: %s: %s\n", argv[1], fdt_strerror(err));
		return 1;
	}
	while (reps < max_reps && (reps < min_reps || total_ns < budget_ms * 1000000)) {
		started = now_ns();
		err = walk(fdt, &totals);
		samples[reps] = now_ns() - started;
		if (err) {
			fprintf(stderr, "libfdt-walk: %s: %s\n", argv[1], fdt_strerror(err));
			return 1;
		}
		total_ns += samples[reps++];
	}
	qsort(samples, (size_t)reps, sizeof(*samples), compare_ns);
	printf("{\"bytes\":%ld,\"totalsize\":%u,\"nodes\":%ld,\"properties\":%ld,\"reps\":%ld,"
	       "\"minNs\":%lld,\"medianNs\":%lld,\"checksum\":%llu}\n",
	       size, fdt_totalsize(fdt), totals.nodes, totals.properties, reps,
	       (long long)samples[0], (long long)samples[reps / 2],
	       (unsigned long long)totals.checksum);
	free(samples);
	free(fdt);
	return 0;
}
