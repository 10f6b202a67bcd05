using System.Management.Automation;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictingModule
{
    /// <summary>Resolves a service through Microsoft.Extensions.DependencyInjection 6.0 and returns the DI assembly's version.</summary>
    [Cmdlet(VerbsCommon.Get, "ConflictingService")]
    [OutputType(typeof(string))]
    public sealed class GetConflictingServiceCommand : PSCmdlet
    {
        protected override void ProcessRecord()
        {
            var provider = new ServiceCollection().AddSingleton<Greeter>().BuildServiceProvider();
            WriteObject(provider.GetRequiredService<Greeter>().Hello() + " " + typeof(ServiceCollection).Assembly.GetName().Version);
        }
    }

    public sealed class Greeter
    {
        public string Hello() => "hello";
    }
}
