import type { Context } from 'aws-lambda';
import type { Handler } from '../../ir/types.js';
import { devAccountId, devRegion } from '../ids.js';

/** The Lambda context object a handler receives, with its deadline from the function's timeout. */
export function lambdaContext(handler: Handler, apiName: string, requestId: string, startedAt: number): Context {
  const deadline = startedAt + handler.timeoutS * 1000;
  const functionName = `${apiName}-${handler.name}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${devRegion}:${devAccountId}:function:${functionName}`,
    memoryLimitInMB: String(handler.memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `gatewright-dev/[$LATEST]${requestId.replace(/-/g, '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
