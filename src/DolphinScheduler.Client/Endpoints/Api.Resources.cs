namespace DolphinScheduler.Client.Endpoints
{
    internal static partial class Api
    {
        /// <summary>
        /// Resource centre (contract §6 Resources). Path-based since 3.2: every call names a resource by its server
        /// <c>fullName</c>, whose prefix comes from <see cref="BaseDir"/> (contract §11: never assume it). 3.2 also takes
        /// <c>tenantCode</c>/<c>pid</c>/<c>type</c> on some calls: those are rows of <c>Versioning/EnumTables.Only32</c>.
        /// </summary>
        internal static class Resources
        {
            public static readonly DsEndpoint BaseDir = new("resources", "resource base directory", "GET", "/resources/base-dir");
            public static readonly DsEndpoint CreateDirectory = new("resources", "create directory", "POST", "/resources/directory");
            public static readonly DsEndpoint Upload = new("resources", "upload file", "POST", "/resources");
            public static readonly DsEndpoint List = new("resources", "list directory (paging)", "GET", "/resources");
            public static readonly DsEndpoint Download = new("resources", "download file", "GET", "/resources/download");
            public static readonly DsEndpoint Delete = new("resources", "delete file or directory", "DELETE", "/resources");
            /// <summary>Multipart; with a file part it replaces the content of the file at fullName (used for -Force overwrite).</summary>
            public static readonly DsEndpoint Update = new("resources", "rename / replace file or rename directory", "PUT", "/resources");
        }
    }
}
