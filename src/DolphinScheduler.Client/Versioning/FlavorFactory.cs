namespace DolphinScheduler.Client.Versioning
{
    internal static class FlavorFactory
    {
        public static ApiFlavor Create(DsServerVersion version) => version switch
        {
            DsServerVersion.V3_2 => new Flavor32(),
            DsServerVersion.V3_3 => new Flavor33(DsServerVersion.V3_3),
            _ => new Flavor33(DsServerVersion.V3_4),
        };
    }
}
