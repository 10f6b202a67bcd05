global using System.Net;
global using DolphinScheduler.Sandbox.Tests.Infrastructure;
global using Xunit;
