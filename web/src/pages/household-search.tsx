import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { api } from '../api/session';
import { field, STATUS_LABELS } from '../format';

/** Find a household of the project by name, address or code, diacritics optional ("nguyen" finds "Nguyễn"). */
export function HouseholdSearch(props: { projectId: string }) {
  const [term, setTerm] = useState('');
  const found = useQuery({
    queryKey: ['household-search', props.projectId, term],
    enabled: term !== '',
    queryFn: async () =>
      (
        await api.GET('/api/v1/projects/{id}/households', {
          params: { path: { id: props.projectId }, query: { q: term, limit: 20 } },
        })
      ).data,
  });
  const submit = (event: Event) => {
    event.preventDefault();
    setTerm(field(new FormData(event.currentTarget as HTMLFormElement), 'q').trim());
  };
  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">Tìm hộ</h2>
      <form class="search" role="search" onSubmit={submit}>
        <label>
          Tên chủ hộ, địa chỉ hoặc mã hộ
          <input name="q" type="search" required maxLength={100} />
        </label>
        <button type="submit">Tìm</button>
      </form>
      {found.data && (
        <>
          <p role="status">
            {found.data.totalExact ? '' : 'Hơn '}
            {found.data.total} hộ
          </p>
          <ul class="search-results">
            {found.data.items.map((h) => (
              <li key={h.id}>
                <a href={`/app/ho/${h.id}`}>
                  {h.headName} ({h.code})
                </a>{' '}
                — {STATUS_LABELS[h.status]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
