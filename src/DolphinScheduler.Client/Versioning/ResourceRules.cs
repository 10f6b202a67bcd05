namespace DolphinScheduler.Client.Versioning
{
    /// <summary>
    /// How each family names resource-centre paths (docs/server-compatibility.md Q9). The one place in the core that
    /// knows them; each flavour carries its family's rules.
    /// </summary>
    internal sealed class ResourceRules
    {
        private ResourceRules(bool adminBaseDirIsStorageRoot, bool directoryNamesEndWithSlash)
        {
            AdminBaseDirIsStorageRoot = adminBaseDirIsStorageRoot;
            DirectoryNamesEndWithSlash = directoryNamesEndWithSlash;
        }

        /// <summary>
        /// 3.2.2: GET /resources/base-dir answers an admin with the storage root (type ALL); the admin's own resources are
        /// in <c>&lt;root&gt;/&lt;tenant&gt;/resources</c>. 3.3+: every user gets the tenant's resources folder.
        /// </summary>
        public bool AdminBaseDirIsStorageRoot { get; }

        /// <summary>3.2.2: directory full names end with '/', and a new name is <c>currentDir + name</c> with no separator added.</summary>
        public bool DirectoryNamesEndWithSlash { get; }

        /// <summary>The folder that holds the user's resources: what folder-relative paths are relative to.</summary>
        public string ResourcesRoot(string baseDir, bool isAdmin, string? tenantCode)
        {
            var trimmed = baseDir.TrimEnd('/');
            return AdminBaseDirIsStorageRoot && isAdmin && !string.IsNullOrEmpty(tenantCode) ? trimmed + "/" + tenantCode + "/resources" : trimmed;
        }

        /// <summary>A directory's full name as the family writes it (for fullName and currentDir parameters).</summary>
        public string DirectoryFullName(string fullName) => DirectoryNamesEndWithSlash ? fullName.TrimEnd('/') + "/" : fullName.TrimEnd('/');

        public static readonly ResourceRules V32 = new(adminBaseDirIsStorageRoot: true, directoryNamesEndWithSlash: true);
        public static readonly ResourceRules V33 = new(adminBaseDirIsStorageRoot: false, directoryNamesEndWithSlash: false);
    }
}
