namespace DolphinScheduler.Client.Endpoints
{
    internal static partial class Api
    {
        /// <summary>Schedules (contract §6 Schedules). 3.2 names the workflow/priority parameters process*; the flavour translates.</summary>
        internal static class Schedules
        {
            public static readonly DsEndpoint Create = new("schedules", "create schedule", "POST", "/projects/{projectCode}/schedules");
            public static readonly DsEndpoint Update = new("schedules", "update schedule by id", "PUT", "/projects/{projectCode}/schedules/{id}", idempotent: true);
            public static readonly DsEndpoint Online = new("schedules", "online schedule", "POST", "/projects/{projectCode}/schedules/{id}/online", idempotent: true);
            public static readonly DsEndpoint Offline = new("schedules", "offline schedule", "POST", "/projects/{projectCode}/schedules/{id}/offline", idempotent: true);
            public static readonly DsEndpoint ListPaging = new("schedules", "list schedules (paging)", "GET", "/projects/{projectCode}/schedules");
            public static readonly DsEndpoint Delete = new("schedules", "delete schedule", "DELETE", "/projects/{projectCode}/schedules/{id}");
        }
    }
}
