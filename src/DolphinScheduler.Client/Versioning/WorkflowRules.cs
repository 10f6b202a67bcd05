using System.Collections.Generic;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>
    /// What each family needs in the workflow documents beyond the canonical (3.3+) fields of contract §5. The one place
    /// in the core that knows it; each flavour carries its family's rules.
    /// </summary>
    internal sealed class WorkflowRules
    {
        private WorkflowRules(params KeyValuePair<string, object>[] taskDefinitionFields) { TaskDefinitionFields = taskDefinitionFields; }

        /// <summary>
        /// Fields every element of taskDefinitionJson carries in this family, after the canonical ones (a read-back value
        /// of the same name wins). 3.2.2: <c>isCache</c>: the contract calls it optional, but ProcessServiceImpl.transformTask
        /// reads <c>taskDefinitionLog.getIsCache().getCode()</c>, so a definition without it fails with 10001.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, object>> TaskDefinitionFields { get; }

        public static readonly WorkflowRules V32 = new(new KeyValuePair<string, object>("isCache", "NO"));
        public static readonly WorkflowRules V33 = new();
    }
}
