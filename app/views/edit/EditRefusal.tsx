import { useEditStore } from '../../state/editStore';

/** The worker's (or the value parser's) refusal for the field `place`, in its plain words, next to that field. */
export function EditRefusal({ place }: { place: string }) {
  const message = useEditStore((state) => (state.refusal?.place === place ? state.refusal.message : null));
  if (!message) return null;
  return (
    <p className="edit-refusal" role="alert" data-testid="edit-refusal">
      {message}
    </p>
  );
}
