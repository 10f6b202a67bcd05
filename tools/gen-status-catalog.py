#!/usr/bin/env python3
"""Regenerates src/DolphinScheduler.Client/Errors/StatusCatalog.Data.cs from the contract's status-codes.json."""
import json, pathlib, sys
root = pathlib.Path(__file__).resolve().parent.parent
src = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / 'shared' / 'dolphinscheduler-api' / 'status-codes.json'
d = json.loads(src.read_text())
rows = []
for c in d['codes']:
    n32 = c.get('v3.2', {}).get('name')
    rows.append('            new StatusEntry(%d, "%s", %s),' % (c['code'], c['name'], '"%s"' % n32 if n32 else 'null'))
out = root / 'src' / 'DolphinScheduler.Client' / 'Errors' / 'StatusCatalog.Data.cs'
out.write_text('''// Generated once from shared/dolphinscheduler-api/status-codes.json (DS Status enum; names per 3.3+, with the 3.2 name
// where it differs). Regenerate with tools/gen-status-catalog.py when the contract changes.
namespace DolphinScheduler.Client.Errors
{
    internal static partial class StatusCatalog
    {
        private static readonly StatusEntry[] Entries =
        {
%s
        };
    }
}
''' % '\n'.join(rows))
print('wrote', out, len(rows), 'codes')
