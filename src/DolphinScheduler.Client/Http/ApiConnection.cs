using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Endpoints;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler.Client.Http
{
    /// <summary>Typed calls over the transport: send, map <c>data</c> to models, and page.</summary>
    internal sealed class ApiConnection
    {
        private readonly DsClient _client;

        public ApiConnection(DsClient client) { _client = client; }

        public DsTransport Transport => _client.Transport;
        public DsConnection Connection => _client.Connection;

        /// <summary>A date parameter as DS reads it: in the connected user's time zone.</summary>
        public string WireDate(DateTime value) => DsDate.ToWire(value, Connection?.TimeZone);

        public Task<JsonElement> SendAsync(DsRequest request, CancellationToken cancellationToken) =>
            _client.Transport.SendAsync(request, true, cancellationToken);

        public async Task<T> SendAsync<T>(DsRequest request, Func<WireObject, DsConnection, T> map, CancellationToken cancellationToken)
        {
            var data = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return map(new WireObject(data, Transport.Flavor), Connection);
        }

        public async Task<IReadOnlyList<T>> SendListAsync<T>(DsRequest request, Func<WireObject, DsConnection, T> map, CancellationToken cancellationToken)
        {
            var data = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return MapArray(data, map);
        }

        /// <summary>A lazily paged list: <paramref name="build"/> makes the request for each page (pageNo/pageSize are added here).</summary>
        public PagedList<T> Paged<T>(Func<DsRequest> build, Func<WireObject, DsConnection, T> map, PageRequest page, CancellationToken cancellationToken)
        {
            return new PagedList<T>(async (pageNo, pageSize, ct) =>
            {
                var request = build().Add("pageNo", pageNo).Add("pageSize", pageSize);
                var data = await SendAsync(request, ct).ConfigureAwait(false);
                var w = new WireObject(data, Transport.Flavor);
                var items = w.TryGet("totalList", out var list) ? MapLazily(list, map) : Array.Empty<T>();
                return new PageInfo<T>(items, w.Int("total") ?? items.Count, w.Int("totalPage") ?? 1, w.Int("currentPage") ?? pageNo);
            }, page, cancellationToken);
        }

        /// <summary>
        /// A page's items, each mapped when it is first read: the pipeline gets the first object of a page without waiting
        /// for the other 99 to be mapped (their dates parsed, their fields looked up), and mapping overlaps consumption.
        /// </summary>
        private IReadOnlyList<T> MapLazily<T>(JsonElement array, Func<WireObject, DsConnection, T> map)
        {
            if (array.ValueKind != JsonValueKind.Array) return Array.Empty<T>();
            var elements = new JsonElement[array.GetArrayLength()];
            var i = 0;
            foreach (var item in array.EnumerateArray()) elements[i++] = item;
            return new LazilyMapped<T>(elements, e => map(new WireObject(e, Transport.Flavor), Connection));
        }

        private sealed class LazilyMapped<T> : IReadOnlyList<T>
        {
            private readonly JsonElement[] _elements;
            private readonly Func<JsonElement, T> _map;
            private readonly T[] _items;
            private readonly bool[] _mapped;

            public LazilyMapped(JsonElement[] elements, Func<JsonElement, T> map)
            {
                _elements = elements;
                _map = map;
                _items = new T[elements.Length];
                _mapped = new bool[elements.Length];
            }

            public int Count => _elements.Length;

            public T this[int index]
            {
                get
                {
                    if (!_mapped[index])
                    {
                        _items[index] = _map(_elements[index]);
                        _mapped[index] = true;
                    }
                    return _items[index];
                }
            }

            public IEnumerator<T> GetEnumerator()
            {
                for (var i = 0; i < _elements.Length; i++) yield return this[i];
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        public IReadOnlyList<T> MapArray<T>(JsonElement array, Func<WireObject, DsConnection, T> map)
        {
            if (array.ValueKind != JsonValueKind.Array) return Array.Empty<T>();
            var result = new List<T>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray()) result.Add(map(new WireObject(item, Transport.Flavor), Connection));
            return result;
        }
    }
}
