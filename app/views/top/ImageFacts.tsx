import { useShallow } from 'zustand/react/shallow';
import { formatPageSize } from '../../format/formatPageSize';
import { formatSize } from '../../format/formatSize';
import { useDocumentStore } from '../../state/documentStore';

/** The open image: its name, container, size and page size. */
export function ImageFacts() {
  const { label, image, pageSize } = useDocumentStore(
    useShallow((state) => ({
      label: state.label,
      image: state.image,
      pageSize: state.plan.pageSize ?? state.image?.pageSize,
    })),
  );
  if (!label) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: role=group names the facts for assistive technology; <fieldset> is for form controls
    <div className="image-facts" role="group" aria-label="Image">
      <span className="image-facts__name" title={label} data-testid="file-name">
        {label}
      </span>
      {image && (
        <>
          <span className="image-facts__item" data-testid="image-kind">
            {image.detail}
          </span>
          {image.fileCount > 0 && (
            <span className="image-facts__item" title={`${image.size} bytes`}>
              {formatSize(image.size)}
            </span>
          )}
          {pageSize !== undefined && (
            <span className="image-facts__item" data-testid="page-size" title="page size">
              {formatPageSize(pageSize)} pages
            </span>
          )}
        </>
      )}
    </div>
  );
}
