using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using ScheduleDsl.Language;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>Every diagnostic ID in one place, each with a descriptor that explains it; errors cannot be configured away.</summary>
    public sealed class DescriptorTests
    {
        [Fact]
        public void EveryLanguageIdHasADescriptorWithItsSeverity()
        {
            foreach (string id in DiagnosticIds.Language)
            {
                DiagnosticDescriptor descriptor = Descriptors.ForLanguageId(id);
                Assert.Equal(id, descriptor.Id);
                // The test sees the language's severity enum twice (runtime and generator), so it compares by name.
                string severity = DiagnosticIds.SeverityOf(id).ToString();
                Assert.Equal(severity == "Error" ? DiagnosticSeverity.Error : severity == "Warning" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info, descriptor.DefaultSeverity);
            }
        }

        [Fact]
        public void DescriptorsExplainThemselvesAndErrorsAreNotConfigurable()
        {
            Assert.Equal(Descriptors.All.Length, Descriptors.All.Select(d => d.Id).Distinct().Count());
            foreach (DiagnosticDescriptor descriptor in Descriptors.All)
            {
                string description = descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(description.Length > 40, descriptor.Id + " has no real description");
                Assert.EndsWith("docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
                Assert.Equal(descriptor.DefaultSeverity == DiagnosticSeverity.Error, descriptor.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable));
            }
        }

        [Fact]
        public void AnUnknownIdFailsLoudly()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => DiagnosticIds.SeverityOf("LRS9999"));
            Assert.Throws<ArgumentOutOfRangeException>(() => Descriptors.ForLanguageId("LRS9999"));
        }
    }
}
