/** What an admin request changes, read from its method and path: `/admin/<type>[/<id>[/<action>]]`. */
export interface AdminChangeTarget {
  targetType: string;
  /** The resource whose state is read before and after (`GET` on it), when there is one. */
  resourcePath: string | null;
  /** The id in the path, when the path names one resource. */
  pathId: string | null;
  action: string;
}

export function describeAdminChange(method: string, path: string): AdminChangeTarget {
  const segments = path.replace(/\/+$/, '').split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  const [targetType = 'admin', second, third] = segments;
  const verb = method.toUpperCase();
  if (second === undefined) {
    return { targetType, resourcePath: verb === 'POST' ? null : path, pathId: null, action: `${targetType}.${verb === 'POST' ? 'create' : 'update'}` };
  }
  const resourcePath = `/admin/${encodeURIComponent(targetType)}/${encodeURIComponent(second)}`;
  if (third !== undefined) return { targetType, resourcePath, pathId: second, action: `${targetType}.${segments.slice(2).join('.')}` };
  switch (verb) {
    case 'DELETE':
      return { targetType, resourcePath, pathId: second, action: `${targetType}.delete` };
    case 'PATCH':
    case 'PUT':
      return { targetType, resourcePath, pathId: second, action: `${targetType}.update` };
    default:
      // POST /admin/accounts/import, /admin/accounts/bulk: a collection action, not one resource.
      return { targetType, resourcePath: null, pathId: null, action: `${targetType}.${second}` };
  }
}
