namespace DolphinScheduler.Client.Paging
{
    /// <summary>How much of a paged list to read: the cmdlets' -First/-Skip/-PageSize.</summary>
    public sealed class PageRequest
    {
        public const int DefaultPageSize = 100;

        public int PageSize { get; set; } = DefaultPageSize;

        /// <summary>Items to skip before the first one returned.</summary>
        public long Skip { get; set; }

        /// <summary>Maximum items to return; null for all.</summary>
        public long? First { get; set; }

        public static PageRequest All => new();
    }
}
