/** Paged source lists: one long list would be megabytes at 10,000 sources. */
export const SOURCES_PER_PAGE = 100;
export const pageCount = (n: number) => Math.max(1, Math.ceil(n / SOURCES_PER_PAGE));
export const pageSlice = <T>(all: T[], page: number) => all.slice((page - 1) * SOURCES_PER_PAGE, page * SOURCES_PER_PAGE);
/** `/sources/` → page 1 is itself, page n is `/sources/page/n/`. */
export const pagePath = (basePath: string, page: number) => (page === 1 ? basePath : `${basePath}page/${page}/`);
