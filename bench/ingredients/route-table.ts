/** The route table: zod plus every route's schemas, which each handler loads via httpHandler. */
import { ROUTES } from '../../shared/api/routes';

export const routes = ROUTES;
