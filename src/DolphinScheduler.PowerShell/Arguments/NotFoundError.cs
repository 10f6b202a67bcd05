namespace DolphinScheduler.PowerShell.Arguments
{
    internal static class NotFound
    {
        public static DsNotFoundException Named(string kind, string name, DsConnection connection) =>
            new(kind + " '" + name + "' was not found on " + connection.Uri.GetLeftPart(System.UriPartial.Authority) + " (or " + connection.UserName + " may not see it).");
    }
}
