<#
.SYNOPSIS
    Builds the module's help from Markdown: MAML for every exported cmdlet and plain-text about topics.
.DESCRIPTION
    Imports the built module from -ModulePath, reads docs/cmdlets/<Verb-Noun>.md for every exported cmdlet and writes
    en-US/<assembly>.dll-Help.xml (MAML) into the module folder. Syntax and parameter facts (type, required, position,
    pipeline input, aliases, wildcards, default value) come from the live command metadata; the pages supply the prose.
    docs/about/about_*.md become en-US/about_*.help.txt.

    The page layout is described in docs/cmdlets/README.md. The build is strict: a missing or malformed page fails it,
    with one line per problem naming the cmdlet (or file) and the line. Every problem is reported before failing, and
    the module in -ModulePath stays importable (without help) so work on the pages can go on.
.EXAMPLE
    dotnet pwsh tools/Build-Help.ps1 -ModulePath out/DolphinScheduler -DocsPath docs
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [string] $Culture = 'en-US'
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:Problems = [System.Collections.Generic.List[string]]::new()
function Add-Problem([string] $Where, [string] $Message) { $script:Problems.Add("${Where}: $Message") }

$SectionNames = @('SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$RequiredSections = @('SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'RELATED LINKS')
$EntrySections = @('EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS')   # sections made of ### entries
$MinimumExamples = 2
$CommonParameters = [System.Collections.Generic.HashSet[string]]::new([string[]][System.Management.Automation.Cmdlet]::CommonParameters, [StringComparer]::OrdinalIgnoreCase)
# Parameters PowerShell adds itself (ShouldProcess, SupportsPaging): they have no property to read a default from.
$AddedParameterDefaults = @{ WhatIf = 'False'; Confirm = 'False'; First = 'All'; Skip = '0'; IncludeTotalCount = 'False' }

#region Markdown reading

# Splits a Markdown file into H1, ## sections and ### entries, ignoring headings inside fenced code.
function Read-MarkdownPage([string] $Path) {
    $page = [ordered]@{ Title = $null; Preamble = [System.Collections.Generic.List[object]]::new(); Sections = [System.Collections.Generic.List[object]]::new() }
    $lines = [System.IO.File]::ReadAllLines($Path)
    $fence = $null
    $section = $null
    $entry = $null
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        $number = $i + 1
        $heading = $null
        if ($fence) {
            if ($line -match '^\s*(`{3,}|~{3,})\s*$' -and $Matches[1][0] -eq $fence[0] -and $Matches[1].Length -ge $fence.Length) { $fence = $null }
        }
        elseif ($line -match '^\s*(`{3,}|~{3,})') { $fence = $Matches[1] }
        elseif ($line -match '^(#{1,3})\s+(.*?)\s*#*\s*$') { $heading = @{ Level = $Matches[1].Length; Text = $Matches[2] } }

        if ($null -eq $heading) {
            $item = [pscustomobject]@{ Number = $number; Text = $line }
            if ($entry) { $entry.Body.Add($item) } elseif ($section) { $section.Body.Add($item) } else { $page.Preamble.Add($item) }
            continue
        }
        switch ($heading.Level) {
            1 {
                if ($null -ne $page.Title -or $section) { Add-Problem "$Path line $number" "only one '# ' title is allowed, at the top." }
                else { $page.Title = $heading.Text }
            }
            2 {
                $section = [ordered]@{ Name = $heading.Text.ToUpperInvariant(); Heading = $heading.Text; Line = $number; Body = [System.Collections.Generic.List[object]]::new(); Entries = [System.Collections.Generic.List[object]]::new() }
                $entry = $null
                $page.Sections.Add($section)
            }
            3 {
                if (-not $section) { Add-Problem "$Path line $number" "'### $($heading.Text)' comes before any '## ' section."; continue }
                $entry = [ordered]@{ Title = $heading.Text; Line = $number; Body = [System.Collections.Generic.List[object]]::new() }
                $section.Entries.Add($entry)
            }
        }
    }
    if ($fence) { Add-Problem $Path "a fenced code block ($fence) is never closed." }
    $page
}

# True when the lines hold nothing but blank lines and HTML comments.
function Test-Blank($lines) { @(ConvertTo-Block $lines).Count -eq 0 }

function Remove-HtmlComment([string] $text) { $text -replace '<!--.*?-->', '' }

# Inline Markdown to plain text: code spans lose their backticks, links become their text (plus the address when it
# is absolute), **bold** loses its stars, backslash escapes are resolved.
function ConvertFrom-MarkdownInline([string] $text) {
    $spans = [System.Collections.Generic.List[string]]::new()
    $text = [regex]::Replace($text, '(`+)(.+?)\1', { param($m) $spans.Add($m.Groups[2].Value.Trim()); "`u{0}$($spans.Count - 1)`u{0}" })
    $text = [regex]::Replace($text, '!?\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)', {
            param($m)
            if ($m.Groups[2].Value -match '^[a-z]+://') { "$($m.Groups[1].Value) ($($m.Groups[2].Value))" } else { $m.Groups[1].Value }
        })
    $text = $text -replace '<((?:https?|mailto):[^>\s]+)>', '$1'
    $text = $text -replace '\*\*(.+?)\*\*', '$1' -replace '(?<![\w\\])__(.+?)__(?!\w)', '$1'
    $text = $text -replace '\\([\\`*_{}\[\]()#+\-.!<>|])', '$1'
    [regex]::Replace($text, "`u{0}(\d+)`u{0}", { param($m) $spans[[int]$m.Groups[1].Value] })
}

# Markdown body lines to blocks: Text (one paragraph or list item, soft line breaks joined), Code (fenced, verbatim)
# and Pre (tables, verbatim).
function ConvertTo-Block($lines) {
    $blocks = [System.Collections.Generic.List[object]]::new()
    $para = [System.Collections.Generic.List[string]]::new()
    $code = $null
    $fence = $null
    $inComment = $false
    $inList = $false
    $tableOpen = $false
    $tight = $false   # the paragraph is a list item right below another one (no blank line between)
    $flush = {
        if ($para.Count -gt 0) { $blocks.Add([pscustomobject]@{ Kind = 'Text'; Text = (ConvertFrom-MarkdownInline ($para -join ' ')); Tight = $tight }); $para.Clear() }
    }
    foreach ($l in $lines) {
        $line = $l.Text
        if ($fence) {
            if ($line -match '^\s*(`{3,}|~{3,})\s*$' -and $Matches[1][0] -eq $fence[0] -and $Matches[1].Length -ge $fence.Length) {
                $blocks.Add([pscustomobject]@{ Kind = 'Code'; Text = ($code -join "`n").TrimEnd() })
                $fence = $null
            }
            else { $code.Add($line) }
            continue
        }
        if ($inComment) {
            if ($line -match '-->(.*)$') { $inComment = $false; $line = $Matches[1] } else { continue }
        }
        $line = Remove-HtmlComment $line
        if ($line -match '<!--') { $inComment = $true; $line = $line -replace '<!--.*$', '' }
        $isRow = $line -match '^\s*\|'
        if (-not $isRow) { $tableOpen = $false }
        if ($line -match '^\s*(`{3,}|~{3,})') {
            & $flush
            $inList = $false
            $fence = $Matches[1]
            $code = [System.Collections.Generic.List[string]]::new()
            continue
        }
        if (-not $line.Trim()) { & $flush; $inList = $false; continue }
        if ($isRow) {
            & $flush
            $inList = $false
            $row = (ConvertFrom-MarkdownInline $line.Trim())
            if ($row -match '^\|[\s:|-]+\|$') { continue }   # the header separator row
            if ($tableOpen) { $blocks[$blocks.Count - 1].Text += "`n" + $row }
            else { $blocks.Add([pscustomobject]@{ Kind = 'Pre'; Text = $row }) }
            $tableOpen = $true
            continue
        }
        if ($line -match '^\s*([-*+]|\d+[.)])\s+(.*)$') {
            & $flush
            $tight = $inList
            $inList = $true
            $marker, $item = $Matches[1], $Matches[2].Trim()
            if ($marker -notmatch '\d') { $marker = '-' }
            $para.Add("$marker $item")
            continue
        }
        if ($para.Count -eq 0) { $tight = $false; $inList = $false }
        $para.Add($line.Trim())
    }
    & $flush
    if ($fence) { $blocks.Add([pscustomobject]@{ Kind = 'Code'; Text = ($code -join "`n").TrimEnd() }) }
    # Tables become aligned plain text.
    foreach ($b in $blocks) {
        if ($b.Kind -eq 'Pre') { $b.Text = ConvertTo-AlignedTable $b.Text }
    }
    $blocks
}

# A Markdown table as plain text with aligned columns.
function ConvertTo-AlignedTable([string] $table) {
    $rows = @($table -split "`n" | ForEach-Object { , @($_.Trim().Trim('|') -split '(?<!\\)\|' | ForEach-Object { $_.Trim() -replace '\\\|', '|' }) })
    $widths = @{}
    foreach ($r in $rows) { for ($c = 0; $c -lt $r.Count; $c++) { $widths[$c] = [Math]::Max($(if ($widths.ContainsKey($c)) { $widths[$c] } else { 0 }), $r[$c].Length) } }
    $out = foreach ($r in $rows) { (@(for ($c = 0; $c -lt $r.Count; $c++) { $r[$c].PadRight($widths[$c]) }) -join '  ').TrimEnd() }
    $out -join "`n"
}

#endregion

#region Cmdlet pages

# The parameter's property: the most derived public instance property of that name. Type.GetProperty(name) throws
# AmbiguousMatchException when a cmdlet's parameter hides a base-class property of the same name with another type
# (Get-DsInstance's string -Host hides PSCmdlet.Host).
function Get-ParameterProperty([type] $Type, [string] $Name) {
    $flags = [System.Reflection.BindingFlags]'Public, Instance, DeclaredOnly'
    for ($t = $Type; $null -ne $t; $t = $t.BaseType) {
        $property = $t.GetProperty($Name, $flags)
        if ($property) { return $property }
    }
    $null
}

function Get-ParameterDefault($Command, [string] $Name) {
    $property = Get-ParameterProperty $Command.ImplementingType $Name
    if ($AddedParameterDefaults.ContainsKey($Name) -and -not $property) { return $AddedParameterDefaults[$Name] }
    if (-not $property) { return 'None' }
    $instance = $null
    try {
        $instance = [Activator]::CreateInstance($Command.ImplementingType)
        $value = $property.GetValue($instance)
    }
    catch { return 'None' }
    finally { if ($instance -is [System.IDisposable]) { $instance.Dispose() } }
    if ($null -eq $value) { return 'None' }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return [string]$value.IsPresent }
    if ($value -is [array]) { if ($value.Count -eq 0) { return 'None' } return ($value | ForEach-Object { [string]$_ }) -join ', ' }
    $text = [System.Convert]::ToString($value, [cultureinfo]::InvariantCulture)
    if ([string]::IsNullOrEmpty($text)) { 'None' } else { $text }
}

function Get-FriendlyTypeName([type] $Type) {
    if ($Type.IsArray) { return (Get-FriendlyTypeName $Type.GetElementType()) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-FriendlyTypeName $underlying }
    if ($Type.IsGenericType) {
        $arguments = ($Type.GetGenericArguments() | ForEach-Object { Get-FriendlyTypeName $_ }) -join ', '
        return ($Type.Name -replace '`\d+$', '') + "[$arguments]"
    }
    $Type.Name
}

# Validates one cmdlet page and returns the help model, or $null after recording problems.
function Read-CmdletPage($Command, [string] $Path, $SharedParameters) {
    $where = $Command.Name
    $before = $script:Problems.Count
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        $near = Get-ChildItem (Split-Path $Path) -Filter '*.md' -ErrorAction SilentlyContinue | Where-Object { $_.BaseName -eq $Command.Name } | Select-Object -First 1
        $hint = if ($near) { " ($($near.Name) differs only in case)" } else { " (see docs/cmdlets/README.md for the layout)" }
        Add-Problem $where "no help page: $(Resolve-Path -LiteralPath (Split-Path $Path) -Relative)/$(Split-Path $Path -Leaf) is missing$hint."
        return $null
    }
    $rel = Resolve-Path -LiteralPath $Path -Relative
    $page = Read-MarkdownPage $Path
    if ($page.Title -ne $Command.Name) { Add-Problem "$where ($rel)" "the first line must be '# $($Command.Name)'$(if ($page.Title) { ", not '# $($page.Title)'" })." }
    if (-not (Test-Blank $page.Preamble)) { Add-Problem "$where ($rel line $(($page.Preamble | Where-Object { $_.Text.Trim() } | Select-Object -First 1).Number))" 'text before the first ## section.' }

    $sections = @{}
    foreach ($s in $page.Sections) {
        if ($SectionNames -notcontains $s.Name) { Add-Problem "$where ($rel line $($s.Line))" "unknown section '## $($s.Heading)'; sections are: $($SectionNames -join ', ')."; continue }
        if ($sections.ContainsKey($s.Name)) { Add-Problem "$where ($rel line $($s.Line))" "section '## $($s.Name)' appears twice."; continue }
        $sections[$s.Name] = $s
        if ($EntrySections -contains $s.Name) {
            if (-not (Test-Blank $s.Body)) { Add-Problem "$where ($rel line $($s.Line))" "## $($s.Name) may hold only '### ' entries; move the text into one." }
        }
        elseif ($s.Entries.Count -gt 0) { Add-Problem "$where ($rel line $($s.Entries[0].Line))" "## $($s.Name) takes no '### ' headings." }
    }
    foreach ($name in $RequiredSections) { if (-not $sections.ContainsKey($name)) { Add-Problem "$where ($rel)" "the '## $name' section is missing." } }

    $model = [ordered]@{ Command = $Command; Synopsis = ''; Description = @(); Examples = @(); Parameters = @{}; Inputs = @(); Outputs = @(); Notes = @(); Links = @() }

    if ($sections['SYNOPSIS']) {
        $blocks = @(ConvertTo-Block $sections['SYNOPSIS'].Body)
        if ($blocks.Count -ne 1 -or $blocks[0].Kind -ne 'Text') { Add-Problem "$where ($rel line $($sections['SYNOPSIS'].Line))" '## SYNOPSIS must be one paragraph of text.' }
        else { $model.Synopsis = $blocks[0].Text }
    }
    if ($sections['DESCRIPTION']) {
        $model.Description = @(ConvertTo-Block $sections['DESCRIPTION'].Body)
        if ($model.Description.Count -eq 0) { Add-Problem "$where ($rel line $($sections['DESCRIPTION'].Line))" '## DESCRIPTION is empty.' }
    }
    if ($sections['EXAMPLES']) {
        $n = 0
        $model.Examples = @(foreach ($e in $sections['EXAMPLES'].Entries) {
                $n++
                $blocks = @(ConvertTo-Block $e.Body)
                $codeIndex = [array]::FindIndex([object[]]$blocks, [Predicate[object]] { param($b) $b.Kind -eq 'Code' })
                if ($codeIndex -lt 0 -or -not $blocks[$codeIndex].Text.Trim()) { Add-Problem "$where ($rel line $($e.Line))" "example '$($e.Title)' has no fenced code block."; continue }
                if ($e.Title -notmatch '^Example \d+: \S') { Add-Problem "$where ($rel line $($e.Line))" "example headings read '### Example ${n}: <what it does>', not '### $($e.Title)'." }
                [pscustomobject]@{
                    Title   = $e.Title
                    Code    = $blocks[$codeIndex].Text
                    Remarks = @(for ($i = 0; $i -lt $blocks.Count; $i++) { if ($i -ne $codeIndex) { $blocks[$i] } })
                }
            })
        if ($model.Examples.Count -lt $MinimumExamples) { Add-Problem "$where ($rel line $($sections['EXAMPLES'].Line))" "at least $MinimumExamples examples are required, found $($model.Examples.Count)." }
    }

    # Parameters: every non-common parameter needs a description, from the page or from the shared file.
    $known = @{}
    foreach ($p in $Command.Parameters.Values) { if (-not $CommonParameters.Contains($p.Name)) { $known[$p.Name] = $p } }
    if ($sections['PARAMETERS']) {
        foreach ($e in $sections['PARAMETERS'].Entries) {
            if ($e.Title -notmatch '^-(\w+)$') { Add-Problem "$where ($rel line $($e.Line))" "parameter headings read '### -Name', not '### $($e.Title)'."; continue }
            $name = $Matches[1]
            if ($CommonParameters.Contains($name)) { Add-Problem "$where ($rel line $($e.Line))" "-$name is a common parameter; common parameters are not documented per page."; continue }
            $actual = $known.Keys | Where-Object { $_ -eq $name } | Select-Object -First 1
            if (-not $actual) { Add-Problem "$where ($rel line $($e.Line))" "documents -$name, which $($Command.Name) does not have."; continue }
            if ($model.Parameters.ContainsKey($actual)) { Add-Problem "$where ($rel line $($e.Line))" "-$actual is documented twice."; continue }
            $blocks = @(ConvertTo-Block $e.Body)
            if ($blocks.Count -eq 0) { Add-Problem "$where ($rel line $($e.Line))" "-$actual has no description."; continue }
            $model.Parameters[$actual] = $blocks
        }
    }
    foreach ($name in $known.Keys) {
        if ($model.Parameters.ContainsKey($name)) { continue }
        if ($SharedParameters.ContainsKey($name)) { $model.Parameters[$name] = $SharedParameters[$name]; continue }
        Add-Problem "$where ($rel)" "parameter -$name is not documented (add '### -$name' under ## PARAMETERS)."
    }

    foreach ($kind in 'INPUTS', 'OUTPUTS') {
        if (-not $sections[$kind]) { continue }
        $items = @(foreach ($e in $sections[$kind].Entries) { [pscustomobject]@{ Type = (ConvertFrom-MarkdownInline $e.Title); Description = @(ConvertTo-Block $e.Body) } })
        if ($items.Count -eq 0) { Add-Problem "$where ($rel line $($sections[$kind].Line))" "## $kind needs at least one '### <type name>' entry ('### None' when there is none)." }
        if ($kind -eq 'INPUTS') { $model.Inputs = $items } else { $model.Outputs = $items }
    }
    # The declared [OutputType] must be documented, so the page cannot drift from the code.
    if ($sections['OUTPUTS']) {
        foreach ($t in @($Command.OutputType | ForEach-Object { $_.Type } | Where-Object { $_ })) {
            $names = if ($t -eq [void]) { @('None', 'System.Void') } else { @($t.FullName, $t.Name) }
            if (-not ($model.Outputs | Where-Object { $names -contains $_.Type })) {
                Add-Problem "$where ($rel line $($sections['OUTPUTS'].Line))" "## OUTPUTS does not list '### $($names[0])', which the cmdlet declares in [OutputType]."
            }
        }
    }
    if ($sections['NOTES']) { $model.Notes = @(ConvertTo-Block $sections['NOTES'].Body) }
    if ($sections['RELATED LINKS']) {
        $model.Links = @(foreach ($l in $sections['RELATED LINKS'].Body) {
                $text = (Remove-HtmlComment $l.Text).Trim()
                if (-not $text) { continue }
                if ($text -notmatch '^[-*+]\s+(.+)$') { Add-Problem "$where ($rel line $($l.Number))" "related links are list items ('- [Get-DsProject](Get-DsProject.md)'), not '$text'."; continue }
                $item = $Matches[1].Trim()
                if ($item -match '^\[([^\]]+)\]\(([^)\s]+)\)$') { [pscustomobject]@{ Text = $Matches[1]; Uri = $(if ($Matches[2] -match '^[a-z]+://') { $Matches[2] } else { '' }) } }
                elseif ($item -match '^<?([a-z]+://[^>\s]+)>?$') { [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[1] } }
                else { [pscustomobject]@{ Text = (ConvertFrom-MarkdownInline $item); Uri = '' } }
            })
        if ($model.Links.Count -eq 0) { Add-Problem "$where ($rel line $($sections['RELATED LINKS'].Line))" '## RELATED LINKS is empty.' }
    }
    if ($script:Problems.Count -gt $before) { return $null }
    $model
}

function Read-SharedParameters([string] $Path) {
    $shared = @{}
    if (-not (Test-Path -LiteralPath $Path)) { return $shared }
    $page = Read-MarkdownPage $Path
    foreach ($s in $page.Sections) {
        if ($s.Name -ne 'PARAMETERS') { Add-Problem $Path "only a '## PARAMETERS' section is allowed, not '## $($s.Heading)'."; continue }
        foreach ($e in $s.Entries) {
            if ($e.Title -notmatch '^-(\w+)$') { Add-Problem "$Path line $($e.Line)" "parameter headings read '### -Name', not '### $($e.Title)'."; continue }
            $shared[$Matches[1]] = @(ConvertTo-Block $e.Body)
        }
    }
    $shared
}

#endregion

#region MAML

$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Write-Element($w, [string] $prefix, [string] $name, [string] $value) {
    $w.WriteStartElement($prefix, $name, $ns[$prefix]); $w.WriteString($value); $w.WriteEndElement()
}

function Write-Paragraphs($w, $blocks) {
    foreach ($b in @($blocks)) {
        $text = if ($b.Kind -eq 'Text') { $b.Text } else { ($b.Text -split "`n" | ForEach-Object { "    $_" }) -join "`n" }
        Write-Element $w maml para $text
    }
}

function Write-Description($w, [string] $prefix, $blocks) {
    $w.WriteStartElement($prefix, 'description', $ns[$prefix])
    Write-Paragraphs $w $blocks
    $w.WriteEndElement()
}

function Get-PipelineInput($sets) {
    $kinds = @()
    if ($sets | Where-Object ValueFromPipeline) { $kinds += 'ByValue' }
    if ($sets | Where-Object ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

# One <command:parameter>. $sets: the ParameterSetMetadata (or CommandParameterInfo) that apply.
function Write-Parameter($w, $Model, $Metadata, $sets, [switch] $InSyntax) {
    $type = $Metadata.ParameterType
    $isSwitch = $type -eq [System.Management.Automation.SwitchParameter]
    $positions = @($sets | ForEach-Object { $_.Position } | Where-Object { $_ -ge 0 } | Select-Object -Unique)
    $aliases = @($Metadata.Aliases)
    $wildcards = [bool]($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $w.WriteStartElement('command', 'parameter', $ns.command)
    $w.WriteAttributeString('required', $(if (@($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0) { 'true' } else { 'false' }))
    $w.WriteAttributeString('variableLength', $(if ($type.IsArray) { 'true' } else { 'false' }))
    $w.WriteAttributeString('globbing', $wildcards.ToString().ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', (Get-PipelineInput $sets))
    $w.WriteAttributeString('position', $(if ($positions.Count -gt 0) { [string]$positions[0] } else { 'named' }))
    $w.WriteAttributeString('aliases', $(if ($aliases.Count) { $aliases -join ', ' } else { 'none' }))
    Write-Element $w maml name $Metadata.Name
    Write-Description $w maml $Model.Parameters[$Metadata.Name]
    $friendly = Get-FriendlyTypeName $type
    if (-not ($InSyntax -and $isSwitch)) {
        $w.WriteStartElement('command', 'parameterValue', $ns.command)
        $w.WriteAttributeString('required', $(if ($isSwitch) { 'false' } else { 'true' }))
        $w.WriteAttributeString('variableLength', $(if ($type.IsArray) { 'true' } else { 'false' }))
        $w.WriteString($friendly)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $ns.dev)
    Write-Element $w maml name $type.FullName
    Write-Element $w maml uri ''
    $w.WriteEndElement()
    Write-Element $w dev defaultValue (Get-ParameterDefault $Model.Command $Metadata.Name)
    $w.WriteEndElement()
}

function Write-CommandHelp($w, $Model) {
    $cmd = $Model.Command
    $w.WriteStartElement('command', 'command', $ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)

    $w.WriteStartElement('command', 'details', $ns.command)
    Write-Element $w command name $cmd.Name
    Write-Element $w command verb $cmd.Verb
    Write-Element $w command noun $cmd.Noun
    Write-Description $w maml @([pscustomobject]@{ Kind = 'Text'; Text = $Model.Synopsis })
    $w.WriteEndElement()

    Write-Description $w maml $Model.Description

    # Syntax: one item per parameter set, positional parameters first, then mandatory, then the rest.
    $w.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $cmd.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        Write-Element $w maml name $cmd.Name
        $parameters = @($set.Parameters | Where-Object { -not $CommonParameters.Contains($_.Name) })
        $ordered = @($parameters | Where-Object { $_.Position -ge 0 } | Sort-Object Position) +
        @($parameters | Where-Object { $_.Position -lt 0 -and $_.IsMandatory }) +
        @($parameters | Where-Object { $_.Position -lt 0 -and -not $_.IsMandatory })
        foreach ($p in $ordered) { Write-Parameter $w $Model $cmd.Parameters[$p.Name] @($p) -InSyntax }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($metadata in $cmd.Parameters.Values | Where-Object { -not $CommonParameters.Contains($_.Name) }) {   # declaration order
        Write-Parameter $w $Model $metadata @($metadata.ParameterSets.Values)
    }
    $w.WriteEndElement()

    foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; Items = $Model.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; Items = $Model.Outputs })) {
        $w.WriteStartElement('command', $kind.List, $ns.command)
        foreach ($item in $kind.Items) {
            $w.WriteStartElement('command', $kind.Item, $ns.command)
            $w.WriteStartElement('dev', 'type', $ns.dev)
            Write-Element $w maml name $item.Type
            $w.WriteEndElement()
            Write-Description $w maml $item.Description
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }

    $w.WriteStartElement('maml', 'alertSet', $ns.maml)
    $w.WriteStartElement('maml', 'alert', $ns.maml)
    Write-Paragraphs $w $Model.Notes
    $w.WriteEndElement()
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'examples', $ns.command)
    foreach ($e in $Model.Examples) {
        $w.WriteStartElement('command', 'example', $ns.command)
        Write-Element $w maml title "-------------------------- $($e.Title) --------------------------"
        Write-Element $w dev code $e.Code
        $w.WriteStartElement('dev', 'remarks', $ns.dev)
        Write-Paragraphs $w $e.Remarks
        Write-Element $w maml para ''   # Get-Help prints no blank line before the next example otherwise
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($l in $Model.Links) {
        $w.WriteStartElement('maml', 'navigationLink', $ns.maml)
        Write-Element $w maml linkText $l.Text
        Write-Element $w maml uri $l.Uri
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteEndElement()
}

function Write-MamlFile([string] $Path, $Models) {
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $w = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $w.WriteStartDocument()
        $w.WriteStartElement('helpItems', $ns.msh)
        $w.WriteAttributeString('schema', 'maml')
        foreach ($m in $Models) { Write-CommandHelp $w $m }
        $w.WriteEndElement()
        $w.WriteEndDocument()
    }
    finally { $w.Dispose() }
}

#endregion

#region About topics

function Format-Wrapped([string] $Text, [int] $Indent, [int] $Width = 80, [int] $Hanging = 0) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $current = ''
    $pad = ' ' * $Indent
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        $prefix = if ($lines.Count -eq 0) { $pad } else { $pad + (' ' * $Hanging) }
        if ($current -and ($prefix.Length + $current.Length + 1 + $word.Length) -gt $Width) { $lines.Add($prefix + $current); $current = $word }
        elseif ($current) { $current += " $word" }
        else { $current = $word }
    }
    if ($current) { $lines.Add($(if ($lines.Count -eq 0) { $pad } else { $pad + (' ' * $Hanging) }) + $current) }
    $lines -join "`n"
}

# Markdown about topic → the classic plain-text layout. Get-Help takes line 5 as the topic's synopsis, so the short
# description sits there, on one line.
function ConvertTo-AboutText([string] $Path) {
    $name = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    $before = $script:Problems.Count
    $page = Read-MarkdownPage $Path
    if ($page.Title -ne $name) { Add-Problem $Path "the first line must be '# $name'." }
    if (-not (Test-Blank $page.Preamble)) { Add-Problem $Path 'text before the first ## section.' }
    $short = $page.Sections | Where-Object Name -eq 'SHORT DESCRIPTION' | Select-Object -First 1
    $long = $page.Sections | Where-Object Name -eq 'LONG DESCRIPTION' | Select-Object -First 1
    if (-not $short) { Add-Problem $Path "the '## Short description' section is missing." }
    if (-not $long) { Add-Problem $Path "the '## Long description' section is missing." }
    if ($script:Problems.Count -gt $before) { return $null }
    $shortBlocks = @(ConvertTo-Block $short.Body)
    if ($shortBlocks.Count -ne 1 -or $shortBlocks[0].Kind -ne 'Text' -or $short.Entries.Count) { Add-Problem "$Path line $($short.Line)" '## Short description must be one paragraph.'; return $null }

    $out = [System.Text.StringBuilder]::new()
    $null = $out.Append("TOPIC`n    $name`n`nSHORT DESCRIPTION`n    $($shortBlocks[0].Text)`n")
    foreach ($s in $page.Sections) {
        if ($s -eq $short) { continue }
        $null = $out.Append("`n$($s.Name)`n")
        $parts = @(@{ Title = $null; Body = $s.Body }) + @($s.Entries | ForEach-Object { @{ Title = $_.Title; Body = $_.Body } })
        foreach ($part in $parts) {
            if ($part.Title) { $null = $out.Append("`n  $(ConvertFrom-MarkdownInline $part.Title)`n") }
            $first = $true
            foreach ($b in (ConvertTo-Block $part.Body)) {
                if ((-not $first -or $part.Title) -and -not ($b.Kind -eq 'Text' -and $b.Tight)) { $null = $out.Append("`n") }
                $first = $false
                switch ($b.Kind) {
                    'Text' {
                        $hanging = if ($b.Text -match '^(- |\d+[.)] )') { $Matches[1].Length } else { 0 }
                        $null = $out.Append((Format-Wrapped $b.Text 4 -Hanging $hanging) + "`n")
                    }
                    default { $null = $out.Append((($b.Text -split "`n" | ForEach-Object { ("        $_").TrimEnd() }) -join "`n") + "`n") }
                }
            }
        }
    }
    $out.ToString()
}

#endregion

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
$DocsPath = (Resolve-Path -LiteralPath $DocsPath).Path
$manifest = Get-ChildItem -LiteralPath $ModulePath -Filter '*.psd1' | Select-Object -First 1
if (-not $manifest) { throw "No module manifest in $ModulePath." }
$module = Import-Module $manifest.FullName -Force -PassThru
$cmdletDocs = Join-Path $DocsPath 'cmdlets'
$outDir = Join-Path $ModulePath $Culture
$null = New-Item -ItemType Directory -Path $outDir -Force
Push-Location (Split-Path $DocsPath)   # problems name files relative to the repository root
try {
    $shared = Read-SharedParameters (Join-Path $cmdletDocs '_SharedParameters.md')
    $commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
    $models = @(foreach ($cmd in $commands) { Read-CmdletPage $cmd (Join-Path $cmdletDocs "$($cmd.Name).md") $shared })
    foreach ($group in $commands | Group-Object HelpFile) {
        $helpModels = @($models | Where-Object { $_ -and $_.Command.HelpFile -eq $group.Name })
        $file = Join-Path $outDir ([System.IO.Path]::GetFileName($group.Name))
        Write-MamlFile $file $helpModels
        Write-Host "Help: $($helpModels.Count) of $($group.Count) cmdlets -> $file"
    }
    $names = $commands.Name
    foreach ($page in Get-ChildItem $cmdletDocs -Filter '*.md' -ErrorAction SilentlyContinue) {
        if ($page.Name -eq 'README.md' -or $page.Name.StartsWith('_')) { continue }
        if ($names -notcontains $page.BaseName) { Write-Warning "docs/cmdlets/$($page.Name) documents no exported cmdlet of $($module.Name)." }
    }

    $aboutCount = 0
    foreach ($about in Get-ChildItem (Join-Path $DocsPath 'about') -Filter 'about_*.md' -ErrorAction SilentlyContinue) {
        $text = ConvertTo-AboutText $about.FullName
        if ($null -eq $text) { continue }
        [System.IO.File]::WriteAllText((Join-Path $outDir "$($about.BaseName).help.txt"), $text, [System.Text.UTF8Encoding]::new($false))
        $aboutCount++
    }
    Write-Host "Help: $aboutCount about topics -> $outDir"
}
finally { Pop-Location }

if ($script:Problems.Count -gt 0) {
    $lines = $script:Problems | ForEach-Object { "  $_" }
    Write-Host "Help pages have $($script:Problems.Count) problem(s):`n$($lines -join "`n")"
    throw "Help build failed: $($script:Problems.Count) problem(s) in docs/ (listed above; layout in docs/cmdlets/README.md)."
}
