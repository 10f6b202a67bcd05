namespace DolphinScheduler.PowerShell; internal static class Placeholder { }
