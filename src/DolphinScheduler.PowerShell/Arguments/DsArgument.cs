using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>
    /// A parameter value that names a DS object: the object itself, its name, or its numeric code/id. PowerShell
    /// converts any of these through the public constructors of the derived classes, so `-Project etl`,
    /// `-Project 1234567890123` and `-Project $project` all bind.
    /// </summary>
    public abstract class DsArgument<TModel> where TModel : DsObject
    {
        protected DsArgument(TModel value) { Value = value ?? throw new ArgumentNullException(nameof(value)); }

        protected DsArgument(string name)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The name must not be empty or white space.");
            Name = name;
        }

        protected DsArgument(long id) { Id = id; }

        /// <summary>The object, when one was given.</summary>
        public TModel? Value { get; }
        public string? Name { get; }
        public long? Id { get; }

        /// <summary>The connection of a given object, which wins over the default connection.</summary>
        public DsConnection? Connection => Value?.Connection;

        /// <summary>The object on the server: the given one as is, else looked up by id or name (a numeric name is tried as an id when no name matches).</summary>
        public async Task<TModel> ResolveAsync(DsClient client, CancellationToken cancellationToken)
        {
            if (Value != null) return Value;
            if (Id is long id) return await GetByIdAsync(client, id, cancellationToken).ConfigureAwait(false);
            var found = await FindByNameAsync(client, Name!, cancellationToken).ConfigureAwait(false);
            if (found != null) return found;
            if (long.TryParse(Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var numeric))
            {
                try { return await GetByIdAsync(client, numeric, cancellationToken).ConfigureAwait(false); }
                catch (DsNotFoundException) { }
            }
            throw new DsNotFoundException(Kind + " '" + Name + "' was not found on " + client.Connection.Uri.GetLeftPart(UriPartial.Authority)
                + " (or " + client.Connection.UserName + " may not see it).");
        }

        /// <summary>A word for errors: "Project", "Queue", ...</summary>
        protected abstract string Kind { get; }

        protected abstract Task<TModel> GetByIdAsync(DsClient client, long id, CancellationToken cancellationToken);

        protected abstract Task<TModel?> FindByNameAsync(DsClient client, string name, CancellationToken cancellationToken);

        public override string ToString() => Value?.ToString() ?? Name ?? Id?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
