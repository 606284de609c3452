/** The data layer: DynamoDB client, document client, dynamodb-toolbox and every entity of the table. */
import { MainTable } from '../../shared/data/table';

export const table = MainTable;
