/**
 * The SNS notifier through aws-sdk-client-mock. Publish request and response
 * shapes: https://docs.aws.amazon.com/sns/latest/api/API_Publish.html;
 * message attributes for filter policies: https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
 */
import { AuthorizationErrorException, NotFoundException, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SnsNotifier } from '../../src/sdk/aws/sns-notifier.js';
import { clearAwsEnv } from '../helpers/aws-emulators.js';

clearAwsEnv();
const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:talent-matches';
const notification = {
  job: { id: 'J-101', title: 'Senior Backend Engineer — Go' },
  matches: [
    { rank: 1, candidateId: 'c_1d7e7601b9b645e5', name: 'Marcus Chen', score: 0.98 },
    { rank: 2, candidateId: 'c_aaaaaaaaaaaaaaaa', name: null, score: 0.71234 },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
};
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ $metadata: { httpStatusCode: 200 }, MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e' });
});

describe('SNS notifier', () => {
  it('publishes the notification as JSON with attributes subscribers can filter on', async () => {
    await new SnsNotifier(new SNSClient({ region: 'us-east-1' }), TOPIC).notify(notification);
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.TopicArn).toBe(TOPIC);
    expect(JSON.parse(input.Message!)).toEqual({ type: 'match.notification', ...notification });
    expect(input.MessageAttributes).toEqual({
      eventType: { DataType: 'String', StringValue: 'match.notification' },
      jobId: { DataType: 'String', StringValue: 'J-101' },
      matchCount: { DataType: 'Number', StringValue: '2' },
      topScore: { DataType: 'Number', StringValue: '0.9800' },
      topCandidateId: { DataType: 'String', StringValue: 'c_1d7e7601b9b645e5' },
    });
    // Subjects: ASCII, at most 100 characters.
    expect(input.Subject).toMatch(/^[\x20-\x7e]{1,100}$/);
  });

  it('a job without matches publishes no score attribute', async () => {
    await new SnsNotifier(new SNSClient({ region: 'us-east-1' }), TOPIC).notify({ ...notification, matches: [] });
    const attrs = sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes!;
    expect(attrs.topScore).toBeUndefined();
    expect(attrs.matchCount).toEqual({ DataType: 'Number', StringValue: '0' });
  });

  it.each([
    ['a missing topic', new NotFoundException({ message: 'Topic does not exist', $metadata: { httpStatusCode: 404 } }), { code: 'E_AWS_RESOURCE_NOT_FOUND', hint: expect.stringContaining('talent deploy') }],
    [
      'a denied publish',
      new AuthorizationErrorException({ message: `User: arn:aws:iam::111122223333:user/ci is not authorized to perform: SNS:Publish on resource: ${TOPIC}`, $metadata: { httpStatusCode: 403 } }),
      { code: 'E_AWS_ACCESS_DENIED', hint: expect.stringContaining('SNS:Publish') },
    ],
  ])('translates %s', async (_n, error, expected) => {
    sns.on(PublishCommand).rejects(error);
    await expect(new SnsNotifier(new SNSClient({ region: 'us-east-1' }), TOPIC).notify(notification)).rejects.toMatchObject(expected);
  });
});
