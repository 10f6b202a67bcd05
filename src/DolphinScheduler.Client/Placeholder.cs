namespace DolphinScheduler.Client; internal static class Placeholder { }
