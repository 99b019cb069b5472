/**
 * The custom domain, mapped to the primary stage at its base path, with a Route 53 alias
 * when the spec names a hosted zone. SAM's `Domain` property creates the same resources.
 */
import type { CustomDomain } from '../../../../ir/types.js';
import { deployValue, getAtt, ref, type CfnValue } from '../../cfn.js';
import { primaryStage, stageRef, type UnitContext } from '../context.js';

export function addDomain(ctx: UnitContext): void {
  const domain = ctx.api.gateway.domain;
  if (!domain) return;
  if (ctx.flavour === 'sam') {
    ctx.template.update(ctx.names.api, (api) => ({ ...api, Properties: { ...api.Properties, Domain: samDomain(ctx, domain) } }));
    return;
  }
  if (ctx.api.kind === 'rest') addRestDomain(ctx, domain);
  else addV2Domain(ctx, domain);
}

function samDomain(ctx: UnitContext, domain: CustomDomain): CfnValue {
  const endpoint = domain.endpoint.toUpperCase();
  return {
    DomainName: domain.name,
    CertificateArn: deployValue(domain.certificateArn),
    ...(ctx.api.kind === 'rest' ? { EndpointConfiguration: endpoint, SecurityPolicy: domain.securityPolicy } : { EndpointConfiguration: 'REGIONAL', SecurityPolicy: domain.securityPolicy }),
    ...(domain.basePath ? { BasePath: [domain.basePath] } : {}),
    ...(domain.hostedZoneId ? { Route53: { HostedZoneId: deployValue(domain.hostedZoneId) } } : {}),
  };
}

function addRestDomain(ctx: UnitContext, domain: CustomDomain): void {
  const { template } = ctx;
  const edge = domain.endpoint === 'edge';
  const domainId = template.add(template.ids.fixed('ApiDomainName'), {
    Type: 'AWS::ApiGateway::DomainName',
    Properties: {
      DomainName: domain.name,
      ...(edge ? { CertificateArn: deployValue(domain.certificateArn) } : { RegionalCertificateArn: deployValue(domain.certificateArn) }),
      EndpointConfiguration: { Types: [edge ? 'EDGE' : 'REGIONAL'] },
      SecurityPolicy: domain.securityPolicy,
    },
  });
  template.add(template.ids.fixed('ApiBasePathMapping'), {
    Type: 'AWS::ApiGateway::BasePathMapping',
    Properties: {
      DomainName: ref(domainId),
      RestApiId: ref(ctx.names.api),
      Stage: stageRef(ctx, primaryStage(ctx.api).name),
      ...(domain.basePath ? { BasePath: domain.basePath } : {}),
    },
  });
  if (domain.hostedZoneId) {
    addAliasRecord(ctx, domain, edge ? getAtt(domainId, 'DistributionDomainName') : getAtt(domainId, 'RegionalDomainName'), edge ? getAtt(domainId, 'DistributionHostedZoneId') : getAtt(domainId, 'RegionalHostedZoneId'));
  }
}

function addV2Domain(ctx: UnitContext, domain: CustomDomain): void {
  const { template } = ctx;
  const domainId = template.add(template.ids.fixed('ApiDomainName'), {
    Type: 'AWS::ApiGatewayV2::DomainName',
    Properties: {
      DomainName: domain.name,
      DomainNameConfigurations: [{ CertificateArn: deployValue(domain.certificateArn), EndpointType: 'REGIONAL', SecurityPolicy: domain.securityPolicy }],
    },
  });
  template.add(template.ids.fixed('ApiMapping'), {
    Type: 'AWS::ApiGatewayV2::ApiMapping',
    Properties: {
      DomainName: ref(domainId),
      ApiId: ref(ctx.names.api),
      Stage: stageRef(ctx, primaryStage(ctx.api).name),
      ...(domain.basePath ? { ApiMappingKey: domain.basePath } : {}),
    },
  });
  if (domain.hostedZoneId) addAliasRecord(ctx, domain, getAtt(domainId, 'RegionalDomainName'), getAtt(domainId, 'RegionalHostedZoneId'));
}

function addAliasRecord(ctx: UnitContext, domain: CustomDomain, target: CfnValue, targetZone: CfnValue): void {
  if (!domain.hostedZoneId) return;
  ctx.template.add(ctx.template.ids.fixed('ApiDomainRecord'), {
    Type: 'AWS::Route53::RecordSet',
    Properties: {
      HostedZoneId: deployValue(domain.hostedZoneId),
      Name: domain.name,
      Type: 'A',
      AliasTarget: { DNSName: target, HostedZoneId: targetZone, EvaluateTargetHealth: false },
    },
  });
}
