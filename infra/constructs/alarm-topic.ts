/**
 * The SNS topic every alarm notifies. Encrypted with its own KMS key because CloudWatch cannot
 * publish to a topic under the AWS-managed `alias/aws/sns` key (its policy cannot be changed to
 * let CloudWatch use it); the key policy here lets CloudWatch, and only it, use the key.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /** Subscribed by e-mail when given (the address must confirm the subscription). */
  readonly email?: string;
  readonly displayName: string;
}

export class AlarmTopic extends Construct {
  public readonly topic: Topic;
  public readonly key: Key;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);

    this.key = new Key(this, 'Key', {
      description: `Encrypts the alarm topic "${props.displayName}"`,
      enableKeyRotation: true,
      // The key only protects notifications in flight; it goes with the topic (after KMS's waiting period).
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.topic = new Topic(this, 'Topic', {
      displayName: props.displayName,
      masterKey: this.key,
      // Denies publishing over plain HTTP (cdk-nag SNS3).
      enforceSSL: true,
    });

    if (props.email !== undefined) {
      this.topic.addSubscription(new EmailSubscription(props.email));
    }
  }
}
