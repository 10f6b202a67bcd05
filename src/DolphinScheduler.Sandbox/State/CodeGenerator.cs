namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// Unique, increasing 64-bit codes for projects (and later workflow/task definitions). Same idea as DS's
/// CodeGenerateUtils (milliseconds shifted left, a per-millisecond sequence in the low bits) but with a later
/// epoch and a 10^12 offset so codes are 13–14 decimal digits (README §2) and stay below 2^53 for decades.
/// </summary>
public sealed class CodeGenerator(TimeProvider clock)
{
    private const int SequenceBits = 7;
    private const long Offset = 1_000_000_000_000L;
    private static readonly long EpochMs = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly Lock gate = new();
    private long lastMs = -1;
    private long sequence;

    public long Next()
    {
        lock (gate)
        {
            var ms = Math.Max(0, clock.GetUtcNow().ToUnixTimeMilliseconds() - EpochMs);
            if (ms > lastMs)
            {
                lastMs = ms;
                sequence = 0;
            }
            else if (++sequence >= 1L << SequenceBits)
            {
                lastMs++; // borrow the next millisecond instead of spinning
                sequence = 0;
            }
            return Offset + (lastMs << SequenceBits | sequence);
        }
    }
}
