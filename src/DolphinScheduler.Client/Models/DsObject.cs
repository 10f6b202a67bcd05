namespace DolphinScheduler
{
    /// <summary>Base of every object the module emits: it remembers the connection it came from.</summary>
    public abstract class DsObject
    {
        /// <summary>The connection this object was read from; cmdlets given this object go back to that server.</summary>
        public DsConnection Connection { get; internal set; } = null!;
    }
}
