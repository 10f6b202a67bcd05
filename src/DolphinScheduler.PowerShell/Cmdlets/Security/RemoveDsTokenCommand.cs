using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Deletes access tokens; requests using them get HTTP 401 from then on.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DsToken", DefaultParameterSetName = ObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsTokenCommand : DsCmdlet
    {
        private const string ObjectSet = "Object";
        private const string IdSet = "Id";

        /// <summary>The token to delete (pipeline from Get-DsToken or New-DsToken).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DsToken Token { get; set; } = null!;

        /// <summary>Token ids.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int[] Id { get; set; } = null!;

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ObjectSet) Delete(Token.Id, Token.UserName, Token.Connection, Token);
            else foreach (var id in Id) Delete(id, null, null, id);
        }

        private void Delete(int id, string? owner, DsConnection? fromObject, object target)
        {
            var connection = ResolveConnection(fromObject);
            ForItem(target, () =>
            {
                if (!ShouldChange("token " + id + (owner != null ? " of " + owner : "") + " on " + connection.Uri, "Delete access token", Force)) return;
                Run(ct => ClientOf(connection).Tokens.DeleteAsync(id, ct));
            });
        }
    }
}
