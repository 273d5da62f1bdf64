import { dtcCompile } from './dtc';

/**
 * The tree most specs open: every kind of value dtc types differently
 * (strings, string lists, cells, 64-bit cells, byte strings, empty flags,
 * phandle references), unit addresses, nesting, and a memory reservation.
 */
const SAMPLE_DTS = `/dts-v1/;

/memreserve/ 0x40000000 0x00100000;

/ {
	model = "khoscope test board";
	compatible = "khoscope,test-board", "simple-bus";
	#address-cells = <2>;
	#size-cells = <2>;

	chosen {
		bootargs = "console=ttyS0,115200 kho=on";
		linux,initrd-start = <0x0 0x48000000>;
	};

	memory@40000000 {
		device_type = "memory";
		reg = <0x0 0x40000000 0x0 0x80000000>;
	};

	cpus {
		#address-cells = <1>;
		#size-cells = <0>;

		cpu@0 {
			device_type = "cpu";
			reg = <0>;
		};

		cpu@1 {
			device_type = "cpu";
			reg = <1>;
		};
	};

	intc: interrupt-controller@8000000 {
		compatible = "arm,gic-v3";
		interrupt-controller;
		#interrupt-cells = <3>;
	};

	serial@9000000 {
		compatible = "arm,pl011", "arm,primecell";
		interrupt-parent = <&intc>;
		mac-address = [02 00 5e 10 00 01];
		odd-bytes = [01 02 03];
	};

	kho {
		compatible = "kho-v1";
		preserved-memory-map = /bits/ 64 <0x4100000>;

		memblock {
			fdt = /bits/ 64 <0x4101000>;
		};
	};
};
`;

/** The sample compiled by dtc. */
export const SAMPLE_DTB = dtcCompile(SAMPLE_DTS);
