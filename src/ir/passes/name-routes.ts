import type { Api, MessageRoute, Route } from '../types.js';

/**
 * Gives every route a unique, identifier-safe id: the operationId where it is one,
 * camel-cased where it is not (`repos/get-content` becomes `reposGetContent`), and
 * method plus path where there is none (`GET /orders/{id}` becomes `getOrdersById`).
 */
export function nameRoutes(api: Api): Api {
  const taken = new Set<string>();
  const unique = (wanted: string): string => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}${n}`;
    taken.add(id);
    return id;
  };
  // Spec-given ids claim their names before synthesized ones.
  const routeIds = new Map<Route, string>();
  for (const route of api.routes) if (route.operationId !== undefined) routeIds.set(route, unique(identifier(route.operationId)));
  for (const route of api.routes) if (!routeIds.has(route)) routeIds.set(route, unique(identifier(`${route.method.toLowerCase()} ${describePath(route.path)}`)));
  const messageIds = new Map<MessageRoute, string>();
  for (const route of api.messageRoutes) messageIds.set(route, unique(identifier(route.routeKey.replace(/^\$/, ''))));
  return {
    ...api,
    routes: api.routes.map((r) => ({ ...r, id: routeIds.get(r) as string })),
    messageRoutes: api.messageRoutes.map((r) => ({ ...r, id: messageIds.get(r) as string })),
  };
}

function describePath(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const parameter = /^\{(.+?)\+?\}$/.exec(segment);
      return parameter ? `by ${parameter[1]}` : segment;
    })
    .join(' ');
}

const reserved = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
);

/** Camel-cases words split on anything that is not a letter or digit. */
export function identifier(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (id === '') id = 'operation';
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (reserved.has(id)) id = `${id}_`;
  return id;
}
