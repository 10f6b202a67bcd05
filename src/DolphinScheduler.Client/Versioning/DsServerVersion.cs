namespace DolphinScheduler
{
    /// <summary>The DolphinScheduler API family a connection talks to.</summary>
    public enum DsServerVersion
    {
        /// <summary>Detect at connect time.</summary>
        Auto = 0,
        /// <summary>3.2.x: <c>process-*</c> paths and names.</summary>
        V3_2 = 32,
        /// <summary>3.3.x: <c>workflow-*</c> paths and names.</summary>
        V3_3 = 33,
        /// <summary>3.4.x: as 3.3 without <c>testFlag</c>.</summary>
        V3_4 = 34,
    }
}
