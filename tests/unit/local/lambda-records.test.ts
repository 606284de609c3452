/** Stream records as DynamoDB Local's stream gives them → records as Lambda hands them over. */
import { toLambdaRecord } from '../../../infra/local/streams/lambda-records';

const streamArn = 'arn:aws:dynamodb:ddblocal:000000000000:table/mot-cua/stream/2027-02-01T00:00:00.000';

describe('infra/local/streams/lambda-records', () => {
  describe('toLambdaRecord', () => {
    it('builds the DynamoDB event record Lambda sends: JSON values, epoch seconds, region and source ARN', () => {
      const record = toLambdaRecord(
        {
          eventID: 'e1',
          eventName: 'INSERT',
          eventVersion: '1.1',
          eventSource: 'aws:dynamodb',
          awsRegion: 'ddblocal',
          dynamodb: {
            ApproximateCreationDateTime: new Date('2027-02-01T02:00:00.900Z'),
            Keys: { PK: { S: 'A' }, SK: { S: 'B' } },
            NewImage: {
              PK: { S: 'A' },
              SK: { S: 'B' },
              n: { N: '1' },
              bin: { B: new Uint8Array([1, 2, 255]) },
              l: { L: [{ S: 'x' }] },
            },
            SequenceNumber: '000000000000000000042',
            SizeBytes: 40,
            StreamViewType: 'NEW_AND_OLD_IMAGES',
          },
        },
        { region: 'ap-southeast-1', streamArn },
      );
      expect(record).toEqual({
        eventID: 'e1',
        eventName: 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'ap-southeast-1',
        dynamodb: {
          ApproximateCreationDateTime: Date.parse('2027-02-01T02:00:00Z') / 1000,
          Keys: { PK: { S: 'A' }, SK: { S: 'B' } },
          NewImage: {
            PK: { S: 'A' },
            SK: { S: 'B' },
            n: { N: '1' },
            bin: { B: 'AQL/' },
            l: { L: [{ S: 'x' }] },
          },
          SequenceNumber: '000000000000000000042',
          SizeBytes: 40,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
        eventSourceARN: streamArn,
      });
      // What the handler gets went through JSON in Lambda: nothing may change on the way.
      expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    });

    it('leaves out the images a record does not have (an INSERT has no OldImage)', () => {
      const record = toLambdaRecord(
        {
          eventName: 'REMOVE',
          dynamodb: { Keys: { PK: { S: 'A' } }, OldImage: { PK: { S: 'A' } }, SequenceNumber: '1' },
        },
        { region: 'ap-southeast-1', streamArn },
      );
      expect(Object.keys(record.dynamodb ?? {})).toEqual(['Keys', 'OldImage', 'SequenceNumber']);
    });
  });
});
