/**
 * Usage plans with their throttles and quotas, one API key per name, and the keys bound to
 * their plans (REST APIs only). Plain resources in both flavours: SAM's `Auth.UsagePlan`
 * makes at most one plan per API.
 */
import { escapeSub, ref, sub } from '../../cfn.js';
import { stageRef, type UnitContext } from '../context.js';

export function addUsagePlans(ctx: UnitContext): void {
  const { template } = ctx;
  const keys = new Map<string, string>();
  for (const plan of ctx.api.gateway.usagePlans) {
    const planId = template.add(template.ids.get('UsagePlan', plan.name), {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: {
        UsagePlanName: sub(`\${AWS::StackName}-${escapeSub(plan.name)}`),
        ...(plan.description ? { Description: plan.description } : {}),
        ApiStages: plan.stages.map((stage) => ({ ApiId: ref(ctx.names.api), Stage: stageRef(ctx, stage) })),
        ...(plan.throttle ? { Throttle: { RateLimit: plan.throttle.rate, BurstLimit: plan.throttle.burst } } : {}),
        ...(plan.quota ? { Quota: { Limit: plan.quota.limit, Period: plan.quota.period, ...(plan.quota.offset > 0 ? { Offset: plan.quota.offset } : {}) } } : {}),
      },
    });
    for (const keyName of plan.apiKeys) {
      let keyId = keys.get(keyName);
      if (keyId === undefined) {
        keyId = template.add(apiKeyId(ctx, keyName), {
          Type: 'AWS::ApiGateway::ApiKey',
          Properties: { Name: sub(`\${AWS::StackName}-${escapeSub(keyName)}`), Enabled: true },
        });
        keys.set(keyName, keyId);
      }
      template.add(template.ids.get('UsagePlanKey', `${plan.name} ${keyName}`), {
        Type: 'AWS::ApiGateway::UsagePlanKey',
        Properties: { KeyId: ref(keyId), KeyType: 'API_KEY', UsagePlanId: ref(planId) },
      });
    }
  }
}

export function apiKeyId(ctx: UnitContext, keyName: string): string {
  return ctx.template.ids.get('ApiKey', keyName);
}
