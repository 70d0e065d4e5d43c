import type { SNSClient } from '@aws-sdk/client-sns';
import type { MatchNotification, Notifier } from '../ports/index.js';
import { awsCall } from './errors.js';

/**
 * Match notifications on an SNS topic. The message is the notification as
 * JSON; message attributes carry what subscribers filter on (a filter policy
 * such as `{"topScore": [{"numeric": [">=", 0.8]}]}` or `{"jobId": ["J-101"]}`).
 */
export class SnsNotifier implements Notifier {
  constructor(private readonly sns: SNSClient, private readonly topicArn: string) {}

  async notify(n: MatchNotification): Promise<void> {
    const { PublishCommand } = await import('@aws-sdk/client-sns');
    const top = n.matches[0];
    await awsCall({ service: 'sns', operation: 'Publish', resource: this.topicArn }, () =>
      this.sns.send(
        new PublishCommand({
          TopicArn: this.topicArn,
          // SNS subjects are at most 100 printable ASCII characters, used by email subscriptions.
          Subject: `talent: ${n.matches.length} matches for ${n.job.id} ${n.job.title}`.replace(/[^\x20-\x7e]/g, '?').slice(0, 100),
          Message: JSON.stringify({ type: 'match.notification', ...n }),
          MessageAttributes: {
            eventType: { DataType: 'String', StringValue: 'match.notification' },
            jobId: { DataType: 'String', StringValue: n.job.id },
            matchCount: { DataType: 'Number', StringValue: String(n.matches.length) },
            ...(top ? { topScore: { DataType: 'Number', StringValue: top.score.toFixed(4) }, topCandidateId: { DataType: 'String', StringValue: top.candidateId } } : {}),
          },
        }),
      ),
    );
  }
}
