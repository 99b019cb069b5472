import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'server-url',
  family: 'hygiene',
  summary: 'Server URLs are absolute HTTPS URLs (or relative paths) without a trailing slash, a query or a placeholder host, and their variables are declared and used.',
  docs: {
    why: 'The SDK uses the first server as its default base URL and the docs show them all. A trailing slash doubles the slash before every path, a variable without a declaration cannot be filled in, and example.com or plain http sends real traffic somewhere it should not go.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
servers:
  - url: http://api.shop.com/{version}/
paths: {}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
servers:
  - url: https://api.shop.com/{version}
    variables:
      version: {default: v1, enum: [v1, v2]}
paths: {}
`,
  },
  check({ api, report }) {
    for (const server of api.servers) {
      const url = server.url;
      const at = below(server.origin, 'url');
      const problems: string[] = [];
      const placeholders = [...url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
      const declared = new Set(server.variables.map((v) => v.name));
      const concrete = url.replace(/\{[^}]+\}/g, 'x');
      if (url.trim() === '') problems.push('it is empty');
      else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        let host = '';
        try {
          host = new URL(concrete).hostname;
        } catch {
          problems.push('it is not a valid URL');
        }
        if (/^http:/i.test(url) && !/^(localhost|127\.0\.0\.1|\[::1\])$/.test(host)) problems.push('it uses plain http; use https');
        if (/(^|\.)example\.(com|org|net)$/.test(host)) problems.push(`${host} is a placeholder domain`);
      } else if (!url.startsWith('/')) problems.push('it is neither an absolute URL nor a path starting with "/"');
      if (url.length > 1 && url.endsWith('/')) problems.push('it ends with "/", so every path would start with "//"');
      if (/[?#]/.test(url)) problems.push('it holds a query or fragment');
      for (const name of placeholders) if (!declared.has(name)) problems.push(`{${name}} has no entry under variables`);
      for (const variable of server.variables) {
        if (!placeholders.includes(variable.name)) problems.push(`the variable "${variable.name}" is not used in the URL`);
        if (variable.enum && !variable.enum.includes(variable.default)) problems.push(`the default of "${variable.name}" is not one of its enum values`);
      }
      if (problems.length === 0) continue;
      report({ message: `The server URL "${url}" needs fixing: ${problems.join('; ')}.`, origin: at });
    }
  },
};
