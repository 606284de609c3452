/** What a page use case answers; shared/platform/page-handler.ts turns it into HTTP. */
export type PageAnswer =
  | {
      status: 200 | 400 | 404;
      html: string;
      /** Seconds a browser or a shared cache may keep it: public data only. */
      maxAge: number;
    }
  | { status: 303; location: string; maxAge: number };
