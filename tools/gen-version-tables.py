#!/usr/bin/env python3
"""Regenerates src/DolphinScheduler.Client/Versioning/EnumTables.Data.cs from the contract's enums.json."""
import json, pathlib, sys
root = pathlib.Path(__file__).resolve().parent.parent
src = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / 'shared' / 'dolphinscheduler-api' / 'enums.json'
enums = json.loads(src.read_text())['enums']
def arr(vals): return 'new[] { ' + ', '.join('"%s"' % v for v in vals) + ' }'
rows33, rows32 = [], []
for name, e in enums.items():
    v33 = [v['name'] for v in e['values']]
    v32 = [v['name'] for v in (e.get('v3.2') or {}).get('values') or e['values']]
    rows33.append('            ["%s"] = %s,' % (name, arr(v33)))
    rows32.append('            ["%s"] = %s,' % (name, arr(v32)))
out = root / 'src' / 'DolphinScheduler.Client' / 'Versioning' / 'EnumTables.Data.cs'
out.write_text('''// Generated from shared/dolphinscheduler-api/enums.json by tools/gen-version-tables.py: the enum constants each
// server family accepts and returns (wire names).
using System.Collections.Generic;

namespace DolphinScheduler.Client.Versioning
{
    internal static partial class EnumTables
    {
        private static Dictionary<string, string[]> Raw33() => new()
        {
%s
        };

        private static Dictionary<string, string[]> Raw32() => new()
        {
%s
        };
    }
}
''' % ('\n'.join(rows33), '\n'.join(rows32)))
print('wrote', out)
