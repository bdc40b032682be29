import { Pagination } from '@codegouvfr/react-dsfr/Pagination';

/** DSFR pagination of a list whose pages the server counts; pages change in the screen's state. */
export function Paging({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return null;
  return (
    <Pagination
      count={pageCount}
      defaultPage={page}
      showFirstLast
      getPageLinkProps={(target) => ({
        href: `#page-${target}`,
        onClick: (event) => {
          event.preventDefault();
          onPage(target);
        },
      })}
    />
  );
}
