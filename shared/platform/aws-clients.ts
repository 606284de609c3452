/**
 * One client per AWS service, created once per container and traced. Endpoints come from the
 * standard `AWS_ENDPOINT_URL_<SERVICE>` variables, which is how the offline cloud points the very
 * same code at DynamoDB Local and s3rver.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { KMSClient } from '@aws-sdk/client-kms';
import { ENV, optionalEnv } from './env';
import { tracer } from './observability';

let dynamoClient: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;
let sfnClient: SFNClient | undefined;
let sqsClient: SQSClient | undefined;
let cognitoClient: CognitoIdentityProviderClient | undefined;
let sesClient: SESv2Client | undefined;
let snsClient: SNSClient | undefined;
let kmsClient: KMSClient | undefined;

export function getDynamoClient(): DynamoDBClient {
  dynamoClient ??= tracer.captureAWSv3Client(new DynamoDBClient({}));
  return dynamoClient;
}

export function getDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(getDynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return documentClient;
}

export function getS3Client(): S3Client {
  s3Client ??= tracer.captureAWSv3Client(
    new S3Client({ forcePathStyle: optionalEnv(ENV.s3ForcePathStyle, 'false') === 'true' }),
  );
  return s3Client;
}

export function getSfnClient(): SFNClient {
  sfnClient ??= tracer.captureAWSv3Client(new SFNClient({}));
  return sfnClient;
}

export function getSqsClient(): SQSClient {
  sqsClient ??= tracer.captureAWSv3Client(new SQSClient({}));
  return sqsClient;
}

/** Only the route that registers agencies' systems uses it (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER offline). */
export function getCognitoClient(): CognitoIdentityProviderClient {
  cognitoClient ??= tracer.captureAWSv3Client(new CognitoIdentityProviderClient({}));
  return cognitoClient;
}

/** Notifications' e-mail (AWS_ENDPOINT_URL_SESV2 offline: the local mailbox). */
export function getSesClient(): SESv2Client {
  sesClient ??= tracer.captureAWSv3Client(new SESv2Client({}));
  return sesClient;
}

/** Notifications' SMS through SNS (AWS_ENDPOINT_URL_SNS offline: the local mailbox). */
export function getSnsClient(): SNSClient {
  snsClient ??= tracer.captureAWSv3Client(new SNSClient({}));
  return snsClient;
}

/** Tenants' personal-data keys (AWS_ENDPOINT_URL_KMS offline: the local KMS, infra/local/kms.ts). */
export function getKmsClient(): KMSClient {
  kmsClient ??= tracer.captureAWSv3Client(new KMSClient({}));
  return kmsClient;
}
