#!/usr/bin/env pwsh
<#
.SYNOPSIS
Builds SessionKiller for x64 and ARM64, writes the release zips and their checksums, and checks them.

.DESCRIPTION
For each platform: builds the plugin, publishes the sessionkiller.exe helper for it (the x64 helper where
the win-arm64 packs cannot be restored: Windows on ARM runs it emulated), and zips exactly one root folder,
SessionKiller/, holding plugin.json, our DLLs, Images/, the satellite folders and sessionkiller.exe, and
nothing of PowerToys' own. Then it checks every zip's layout and writes checksums.txt (SHA256).

On Windows the plugin builds against PowerToys' real assemblies (Community.PowerToys.Run.Plugin.Dependencies).
Elsewhere it builds against the facades in facades/PowerToys, generated from PowerToys' sources; the host tests load
the x64 zip as PowerToys Run does.

The helper is published first and the plugin is built with its SHA-256 (-p:SessionKillerHelper=...): the
plugin elevates only that exact sessionkiller.exe. The check below verifies that each zip's plugin carries
the fingerprint of the helper beside it.

Authenticode signing (Windows only): when a certificate is configured (-CertificateThumbprint, or the
SESSIONKILLER_SIGNING_CERT variable: the thumbprint of a code-signing certificate with its private key in
Cert:\CurrentUser\My or Cert:\LocalMachine\My), the helper is signed before its fingerprint is taken,
and our DLLs after the plugin is built. Without a certificate nothing is signed, and the README says what an
unsigned install does not protect against. A certificate configured on another system is an error: signing
needs Windows' Set-AuthenticodeSignature.

pwsh itself comes from the repository's dotnet local tool:
    dotnet tool restore
    dotnet tool run pwsh -- ./release.ps1

The Command Palette extension is packaged beside the zips as an MSIX layout per platform (artifacts/msix-<arch>/:
AppxManifest.xml resolved from src/SessionKiller.CommandPalette/Package.appxmanifest, Assets/, the published
SessionKiller.CommandPalette.exe and the sessionkiller.exe helper), checked everywhere. On Windows, with the
Windows SDK's makeappx on PATH, each layout is packed into SessionKiller.CommandPalette-<version>-<arch>.msix and,
when a certificate is configured (-CertificateThumbprint, as for the helper), signed with signtool; the MSIX
files join the zips in checksums.txt.

.PARAMETER Publisher
The MSIX publisher (the signing certificate's subject).

.PARAMETER Install
After packaging, copies this computer's platform build into PowerToys Run's plugin folder (Windows only).

.PARAMETER VerifyOnly
Builds nothing: checks the zips and checksums.txt already in the artifacts folder.

.PARAMETER Configuration
The build configuration, Release unless told otherwise.

.PARAMETER ArtifactsPath
Where the zips, checksums.txt and the intermediate builds go.

.PARAMETER CertificateThumbprint
The code-signing certificate to sign sessionkiller.exe and our DLLs with (Windows only). Default: the
SESSIONKILLER_SIGNING_CERT environment variable; neither set: nothing is signed.

.PARAMETER TimestampServer
The RFC 3161 timestamp server used when signing, so signatures outlive the certificate.
#>
[CmdletBinding()]
param(
    [switch] $Install,
    [switch] $VerifyOnly,
    [string] $Configuration = 'Release',
    [string] $ArtifactsPath = (Join-Path $PSScriptRoot 'artifacts'),
    [string] $CertificateThumbprint = $env:SESSIONKILLER_SIGNING_CERT,
    [string] $TimestampServer = 'http://timestamp.digicert.com',
    [string] $Publisher = 'CN=SessionKiller contributors'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
if ([Console]::IsOutputRedirected) {
    $PSStyle.OutputRendering = 'PlainText'
}

$PluginName = 'SessionKiller'
$PluginProject = Join-Path $PSScriptRoot 'src/Community.PowerToys.Run.Plugin.SessionKiller/Community.PowerToys.Run.Plugin.SessionKiller.csproj'
$HelperProject = Join-Path $PSScriptRoot 'src/SessionKiller.Cli/SessionKiller.Cli.csproj'
$HelperFile = 'sessionkiller.exe'

# The assemblies we build and ship; anything else in the build output either never ships or needs a decision.
$OurAssemblies = @('Community.PowerToys.Run.Plugin.SessionKiller', 'SessionKiller.Core', 'SessionKiller.Wts')

# PowerToys' own assemblies, WPF's, and the facades that stand in for them: PowerToys Run has them already.
$PowerToysOwn = '^(Wox\.|PowerToys\.|WindowsBase\.|Presentation(Core|Framework)\.|Newtonsoft\.Json\.|System\.IO\.Abstractions\.|NLog\.)'

$DepsFile = 'Community.PowerToys.Run.Plugin.SessionKiller.deps.json'

$Required = @(
    'plugin.json',
    'Community.PowerToys.Run.Plugin.SessionKiller.dll',
    $DepsFile,
    'SessionKiller.Core.dll',
    'SessionKiller.Wts.dll',
    $HelperFile,
    'Images/sessionkiller.light.png',
    'Images/sessionkiller.dark.png',
    'de/Community.PowerToys.Run.Plugin.SessionKiller.resources.dll'
)

$Platforms = @(
    [pscustomobject]@{ Platform = 'x64'; Rid = 'win-x64'; Suffix = 'x64' },
    [pscustomobject]@{ Platform = 'ARM64'; Rid = 'win-arm64'; Suffix = 'arm64' }
)

$ExtensionName = 'SessionKiller.CommandPalette'
$ExtensionProject = Join-Path $PSScriptRoot "src/$ExtensionName/$ExtensionName.csproj"
$ExtensionExe = "$ExtensionName.exe"
$ExtensionAssets = @('StoreLogo.png', 'Square44x44Logo.png', 'Square150x150Logo.png')

# Zip entries get one fixed time, so the same build gives the same zip.
$EntryTime = [DateTimeOffset]::new(2026, 1, 1, 0, 0, 0, [TimeSpan]::Zero)

function Write-Step([string] $Text) {
    Write-Host "==> $Text"
}

function Invoke-Dotnet {
    param([string[]] $Arguments, [string] $Log, [switch] $AllowFailure)
    & dotnet @Arguments *> $Log
    $code = $LASTEXITCODE
    if ($code -ne 0 -and -not $AllowFailure) {
        Get-Content -LiteralPath $Log | Select-Object -Last 40 | Write-Host
        throw "dotnet $($Arguments[0]) failed (exit code $code); the full log is $Log"
    }
    return $code
}

function Get-ProductVersion {
    $props = [xml](Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'Directory.Build.props'))
    $version = @($props.Project.PropertyGroup | ForEach-Object { $_.PSObject.Properties['Version'] } | Where-Object { $_ } | ForEach-Object Value)
    if ($version.Count -ne 1 -or $version[0] -notmatch '^\d+\.\d+\.\d+$') {
        throw "Directory.Build.props must set one <Version> of the form x.y.z (found: $($version -join ', '))."
    }
    return $version[0]
}

function Get-PluginId {
    $main = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'src/Community.PowerToys.Run.Plugin.SessionKiller/Main.cs')
    if ($main -notmatch 'PluginID\s*=>\s*"([0-9A-F]{32})"') {
        throw 'Main.cs has no PluginID of 32 hex digits.'
    }
    return $Matches[1]
}

# The plugin, with the SHA-256 of the helper it ships fixed into it (see FixHelperFingerprint in its project).
function Build-Plugin([pscustomobject] $Target, [string] $Helper, [string] $Output, [string] $Logs) {
    Write-Step "Plugin for $($Target.Platform)"
    $null = Invoke-Dotnet -Log (Join-Path $Logs "plugin-$($Target.Suffix).log") -Arguments @(
        'publish', $PluginProject, '-c', $Configuration, "-p:Platform=$($Target.Platform)", "-p:SessionKillerHelper=$Helper", '-o', $Output, '--nologo')
}

# The configured code-signing certificate, or $null when none is (then nothing is signed).
function Get-SigningCertificate {
    if (-not $CertificateThumbprint) {
        return $null
    }
    if (-not $IsWindows) {
        throw 'A signing certificate is configured, but Authenticode signing needs Windows (Set-AuthenticodeSignature). Unset SESSIONKILLER_SIGNING_CERT to build unsigned here.'
    }
    $thumbprint = $CertificateThumbprint -replace '\s', ''
    $certificate = @('Cert:\CurrentUser\My', 'Cert:\LocalMachine\My' | ForEach-Object { Get-Item -LiteralPath (Join-Path $_ $thumbprint) -ErrorAction SilentlyContinue } | Where-Object { $_ })
    if (-not $certificate -or -not $certificate[0].HasPrivateKey) {
        throw "No code-signing certificate with a private key has the thumbprint $thumbprint in Cert:\CurrentUser\My or Cert:\LocalMachine\My."
    }
    return $certificate[0]
}

function Set-Signature([string[]] $Files, $Certificate) {
    if (-not $Certificate) {
        return
    }
    foreach ($file in $Files) {
        $signature = Set-AuthenticodeSignature -LiteralPath $file -Certificate $Certificate -TimestampServer $TimestampServer -HashAlgorithm SHA256
        if ($signature.Status -ne 'Valid') {
            throw "Signing $file failed: $($signature.StatusMessage)"
        }
    }
}

# Returns the helper's path, or $null when the runtime packs for that RID cannot be restored here.
function Publish-Helper([string] $Rid, [string] $Output, [string] $Logs) {
    Write-Step "Helper $HelperFile for $Rid"
    # Its own artifacts path: a RID restore that fails here leaves the working tree's obj/ alone.
    $code = Invoke-Dotnet -AllowFailure -Log (Join-Path $Logs "helper-$Rid.log") -Arguments @(
        'publish', $HelperProject, '-c', $Configuration, '-r', $Rid, '-o', $Output,
        '--artifacts-path', (Join-Path $ArtifactsPath "build/helper-$Rid"), '--nologo')
    $exe = Join-Path $Output $HelperFile
    if ($code -ne 0 -or -not (Test-Path -LiteralPath $exe)) {
        return $null
    }
    return $exe
}

function New-PackageFolder([string] $Built, [string] $Helper, [string] $Root) {
    if (Test-Path -LiteralPath $Root) {
        Remove-Item -LiteralPath $Root -Recurse -Force
    }
    $null = New-Item -ItemType Directory -Path (Join-Path $Root 'Images')

    $unknown = @()
    foreach ($dll in Get-ChildItem -LiteralPath $Built -Filter '*.dll' -File) {
        if ($dll.BaseName -in $OurAssemblies) {
            Copy-Item -LiteralPath $dll.FullName -Destination $Root
        }
        elseif ($dll.Name -notmatch $PowerToysOwn) {
            $unknown += $dll.Name
        }
    }
    if ($unknown) {
        throw "The build output has assemblies that are neither ours nor PowerToys': $($unknown -join ', '). Decide whether they ship (add them to `$OurAssemblies) or not."
    }

    # Satellite folders: our resources only, one folder per culture.
    foreach ($culture in Get-ChildItem -LiteralPath $Built -Directory) {
        $ours = @(Get-ChildItem -LiteralPath $culture.FullName -Filter '*.resources.dll' -File |
                Where-Object { ($_.Name -replace '\.resources\.dll$', '') -in $OurAssemblies })
        if ($ours) {
            $target = New-Item -ItemType Directory -Path (Join-Path $Root $culture.Name)
            $ours | Copy-Item -Destination $target.FullName
        }
    }

    Copy-Item -LiteralPath (Join-Path $Built 'plugin.json') -Destination $Root
    # PowerToys' load context (plugin.json "DynamicLoading": true) resolves the plugin's own assemblies from it.
    Copy-Item -LiteralPath (Join-Path $Built $DepsFile) -Destination $Root
    Copy-Item -Path (Join-Path $Built 'Images/*.png') -Destination (Join-Path $Root 'Images')
    Copy-Item -LiteralPath $Helper -Destination (Join-Path $Root $HelperFile)
}

# One root folder, entries sorted and stamped alike, '/' between path parts whatever the system.
function New-Zip([string] $Root, [string] $ZipPath) {
    if (Test-Path -LiteralPath $ZipPath) {
        Remove-Item -LiteralPath $ZipPath -Force
    }
    $base = Split-Path -Parent $Root
    [string[]] $files = Get-ChildItem -LiteralPath $Root -Recurse -File | ForEach-Object FullName
    [Array]::Sort($files, [StringComparer]::Ordinal)
    $archive = [IO.Compression.ZipFile]::Open($ZipPath, [IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($file in $files) {
            $name = [IO.Path]::GetRelativePath($base, $file).Replace('\', '/')
            $entry = $archive.CreateEntry($name, [IO.Compression.CompressionLevel]::Optimal)
            $entry.LastWriteTime = $EntryTime
            $source = [IO.File]::OpenRead($file)
            $sink = $entry.Open()
            try {
                $source.CopyTo($sink)
            }
            finally {
                $sink.Dispose()
                $source.Dispose()
            }
        }
    }
    finally {
        $archive.Dispose()
    }
}

# What is wrong with one zip; nothing when its layout is right.
function Test-PackageLayout([string] $ZipPath, [string] $Version, [string] $PluginId) {
    $problems = [Collections.Generic.List[string]]::new()
    $archive = [IO.Compression.ZipFile]::OpenRead($ZipPath)
    try {
        $names = @($archive.Entries | Where-Object { -not $_.FullName.EndsWith('/') } | ForEach-Object FullName)
        $prefix = "$PluginName/"
        foreach ($name in $names) {
            if (-not $name.StartsWith($prefix, [StringComparison]::Ordinal)) {
                $problems.Add("'$name' is outside the one root folder $prefix")
                continue
            }
            $file = $name.Substring($prefix.Length)
            $leaf = $file.Split('/')[-1]
            $depth = $file.Split('/').Count
            if ($leaf -match $PowerToysOwn) {
                $problems.Add("'$file' belongs to PowerToys or WPF and must not ship")
            }
            elseif ($leaf.EndsWith('.resources.dll') -and $depth -eq 2) {
                if (($leaf -replace '\.resources\.dll$', '') -notin $OurAssemblies) {
                    $problems.Add("'$file' is a satellite assembly of something not ours")
                }
            }
            elseif ($leaf.EndsWith('.dll')) {
                if ($depth -ne 1 -or ($leaf -replace '\.dll$', '') -notin $OurAssemblies) {
                    $problems.Add("'$file' is not one of our assemblies: $($OurAssemblies -join ', ')")
                }
            }
            elseif ($file -ne $DepsFile -and $file -notmatch '^(plugin\.json|sessionkiller\.exe|Images/[^/]+\.png)$') {
                $problems.Add("'$file' is not part of the package (plugin.json, DLLs, $DepsFile, Images/, satellites, $HelperFile)")
            }
        }
        foreach ($file in $Required) {
            if ("$prefix$file" -notin $names) {
                $problems.Add("'$file' is missing")
            }
        }

        # The plugin elevates only the helper whose SHA-256 it carries: it must be the one beside it.
        $helperEntry = $archive.GetEntry("$prefix$HelperFile")
        $pluginEntry = $archive.GetEntry("${prefix}Community.PowerToys.Run.Plugin.SessionKiller.dll")
        if ($helperEntry -and $pluginEntry) {
            $helperHash = Get-EntrySha256 -Entry $helperEntry
            # The fingerprint is a string constant: UTF-16 in the DLL, read here byte for byte.
            $pluginText = [Text.Encoding]::Latin1.GetString((Get-EntryBytes -Entry $pluginEntry))
            $utf16 = [Text.Encoding]::Latin1.GetString([Text.Encoding]::Unicode.GetBytes($helperHash))
            if (-not $pluginText.Contains($utf16, [StringComparison]::Ordinal)) {
                $problems.Add("the plugin does not carry the SHA-256 of the $HelperFile beside it ($helperHash): it would refuse to elevate it")
            }
        }

        $deps = $archive.GetEntry("$prefix$DepsFile")
        if ($deps) {
            $reader = [IO.StreamReader]::new($deps.Open())
            try {
                $libraries = @(($reader.ReadToEnd() | ConvertFrom-Json).libraries.PSObject.Properties.Name | ForEach-Object { ($_ -split '/')[0] })
            }
            finally {
                $reader.Dispose()
            }
            foreach ($library in $libraries | Where-Object { $_ -notin $OurAssemblies }) {
                $problems.Add("$DepsFile lists '$library': PowerToys' load context would look for it in our folder")
            }
        }

        $manifest = $archive.GetEntry("${prefix}plugin.json")
        if ($manifest) {
            $reader = [IO.StreamReader]::new($manifest.Open())
            try {
                $json = $reader.ReadToEnd() | ConvertFrom-Json
            }
            finally {
                $reader.Dispose()
            }
            $expect = [ordered]@{ ID = $PluginId; Name = $PluginName; Version = $Version; Language = 'csharp'; ActionKeyword = 'logoff' }
            foreach ($field in $expect.Keys) {
                $value = $json.PSObject.Properties[$field]
                if (-not $value -or $value.Value -cne $expect[$field]) {
                    $problems.Add("plugin.json $field is '$(if ($value) { $value.Value })', not '$($expect[$field])'")
                }
            }
            $dynamic = $json.PSObject.Properties['DynamicLoading']
            if (-not $dynamic -or $dynamic.Value -ne $true) {
                $problems.Add("plugin.json DynamicLoading is not true: PowerToys would load our DLL without its folder's assemblies")
            }
            foreach ($field in 'ExecuteFileName', 'IcoPathDark', 'IcoPathLight') {
                $value = $json.PSObject.Properties[$field]
                if (-not $value -or ("$prefix$($value.Value)".Replace('\', '/') -notin $names)) {
                    $problems.Add("plugin.json $field does not name a file in the package")
                }
            }
        }
    }
    finally {
        $archive.Dispose()
    }
    return , $problems
}

function Get-EntryBytes($Entry) {
    $stream = $Entry.Open()
    $memory = [IO.MemoryStream]::new()
    try {
        $stream.CopyTo($memory)
        return , $memory.ToArray()
    }
    finally {
        $stream.Dispose()
        $memory.Dispose()
    }
}

function Get-EntrySha256($Entry) {
    return [Convert]::ToHexStringLower([Security.Cryptography.SHA256]::HashData([byte[]](Get-EntryBytes -Entry $Entry)))
}

function Test-Checksums([string[]] $Zips) {
    $problems = [Collections.Generic.List[string]]::new()
    $sums = Join-Path $ArtifactsPath 'checksums.txt'
    if (-not (Test-Path -LiteralPath $sums)) {
        $problems.Add('checksums.txt is missing')
        return , $problems
    }
    $listed = @{}
    foreach ($line in Get-Content -LiteralPath $sums) {
        if ($line -match '^([0-9a-f]{64})  (\S+)$') {
            $listed[$Matches[2]] = $Matches[1]
        }
        elseif ($line.Trim()) {
            $problems.Add("checksums.txt has a line that is not '<sha256>  <file>': $line")
        }
    }
    foreach ($zip in $Zips) {
        $name = Split-Path -Leaf $zip
        $actual = (Get-FileHash -LiteralPath $zip -Algorithm SHA256).Hash.ToLowerInvariant()
        if (-not $listed.ContainsKey($name)) {
            $problems.Add("checksums.txt does not list $name")
        }
        elseif ($listed[$name] -ne $actual) {
            $problems.Add("checksums.txt has the wrong SHA256 for $name")
        }
    }
    if ($listed.Count -ne $Zips.Count) {
        $problems.Add("checksums.txt lists $($listed.Count) files, not the $($Zips.Count) zips")
    }
    return , $problems
}

function Get-ExtensionClassId {
    $source = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot "src/$ExtensionName/SessionKillerExtension.cs")
    if ($source -notmatch 'ClassId\s*=\s*"([0-9A-Fa-f-]{36})"') {
        throw 'SessionKillerExtension.cs has no ClassId GUID.'
    }
    return $Matches[1]
}

# Returns the folder with the published extension, or $null when the runtime packs for that RID cannot be restored here.
function Publish-Extension([string] $Rid, [string] $Helper, [string] $Output, [string] $Logs) {
    Write-Step "Command Palette extension for $Rid"
    $code = Invoke-Dotnet -AllowFailure -Log (Join-Path $Logs "extension-$Rid.log") -Arguments @(
        'publish', $ExtensionProject, '-c', $Configuration, '-r', $Rid, '--self-contained', '-p:PublishSingleFile=true',
        '-p:PublishTrimmed=true', '-p:DebugType=none', "-p:SessionKillerHelper=$Helper", '-o', $Output, '--artifacts-path', (Join-Path $ArtifactsPath "build/extension-$Rid"), '--nologo')
    if ($code -ne 0 -or -not (Test-Path -LiteralPath (Join-Path $Output $ExtensionExe))) {
        return $null
    }
    return $Output
}

# The MSIX layout: the resolved manifest, the logos, the published extension and the helper beside it.
function New-MsixLayout([string] $Published, [string] $Helper, [string] $Layout, [string] $Architecture, [string] $Version) {
    if (Test-Path -LiteralPath $Layout) {
        Remove-Item -LiteralPath $Layout -Recurse -Force
    }
    $null = New-Item -ItemType Directory -Path (Join-Path $Layout 'Assets')
    $manifest = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot "src/$ExtensionName/Package.appxmanifest")
    $manifest = $manifest.Replace('$version$', "$Version.0").Replace('$architecture$', $Architecture).Replace('$publisher$', [Security.SecurityElement]::Escape($Publisher))
    [IO.File]::WriteAllText((Join-Path $Layout 'AppxManifest.xml'), $manifest)
    foreach ($asset in $ExtensionAssets) {
        Copy-Item -LiteralPath (Join-Path $PSScriptRoot "src/$ExtensionName/Assets/$asset") -Destination (Join-Path $Layout 'Assets')
    }
    if ($Published) {
        Get-ChildItem -LiteralPath $Published -File | Where-Object { $_.Extension -ne '.pdb' } | Copy-Item -Destination $Layout
    }
    Copy-Item -LiteralPath $Helper -Destination (Join-Path $Layout $HelperFile)
}

# What is wrong with one MSIX layout; nothing when it is right.
function Test-MsixLayout([string] $Layout, [string] $Architecture, [string] $Version, [string] $ClassId, [bool] $ExpectExe) {
    $problems = [Collections.Generic.List[string]]::new()
    $path = Join-Path $Layout 'AppxManifest.xml'
    if (-not (Test-Path -LiteralPath $path)) {
        $problems.Add('AppxManifest.xml is missing')
        return , $problems
    }
    $xml = [xml](Get-Content -Raw -LiteralPath $path)
    $ns = [Xml.XmlNamespaceManager]::new($xml.NameTable)
    $ns.AddNamespace('m', 'http://schemas.microsoft.com/appx/manifest/foundation/windows10')
    $ns.AddNamespace('uap', 'http://schemas.microsoft.com/appx/manifest/uap/windows10')
    $ns.AddNamespace('uap3', 'http://schemas.microsoft.com/appx/manifest/uap/windows10/3')
    $ns.AddNamespace('com', 'http://schemas.microsoft.com/appx/manifest/com/windows10')
    if ($xml.OuterXml -match '\$[a-z]+\$') {
        $problems.Add("AppxManifest.xml still holds a token: $($Matches[0])")
    }
    $identity = $xml.SelectSingleNode('/m:Package/m:Identity', $ns)
    if ($identity.ProcessorArchitecture -ne $Architecture) { $problems.Add("Identity ProcessorArchitecture is '$($identity.ProcessorArchitecture)', not $Architecture") }
    if ($identity.Version -ne "$Version.0") { $problems.Add("Identity Version is '$($identity.Version)', not $Version.0") }
    if ($identity.Publisher -ne $Publisher) { $problems.Add("Identity Publisher is '$($identity.Publisher)', not $Publisher") }
    $ids = @(
        $xml.SelectNodes('//com:ExeServer/com:Class', $ns) | ForEach-Object Id
        $xml.SelectNodes('//uap3:AppExtension[@Name="com.microsoft.commandpalette"]//*[local-name()="CreateInstance"]', $ns) | ForEach-Object ClassId
    )
    if ($ids.Count -ne 2 -or @($ids | Where-Object { $_ -ne $ClassId }).Count -gt 0) {
        $problems.Add("the COM class and CmdPal's CreateInstance must both be $ClassId (found: $($ids -join ', '))")
    }
    $server = $xml.SelectSingleNode('//com:ExeServer', $ns)
    if (-not $server -or $server.Arguments -ne '-RegisterProcessAsComServer') { $problems.Add('the COM server is not started with -RegisterProcessAsComServer') }
    $executables = @($xml.SelectNodes('//m:Application', $ns) | ForEach-Object Executable) + @($server | ForEach-Object Executable)
    foreach ($exe in $executables | Sort-Object -Unique) {
        if ($exe -ne $ExtensionExe) { $problems.Add("the manifest starts '$exe', not $ExtensionExe") }
    }
    $logos = @($xml.SelectSingleNode('/m:Package/m:Properties/m:Logo', $ns).InnerText) +
        @($xml.SelectNodes('//uap:VisualElements', $ns) | ForEach-Object { $_.Square150x150Logo; $_.Square44x44Logo })
    foreach ($logo in $logos) {
        if (-not (Test-Path -LiteralPath (Join-Path $Layout $logo.Replace('\', '/')))) { $problems.Add("the logo '$logo' is not in the layout") }
    }
    if ($ExpectExe -and -not (Test-Path -LiteralPath (Join-Path $Layout $ExtensionExe))) { $problems.Add("$ExtensionExe is missing") }
    if (-not (Test-Path -LiteralPath (Join-Path $Layout $HelperFile))) { $problems.Add("$HelperFile (the elevation helper) is missing") }
    foreach ($file in Get-ChildItem -LiteralPath $Layout -Recurse -File) {
        if ($file.Name -eq 'Microsoft.CommandPalette.Extensions.Toolkit.dll' -and -not $IsWindows) {
            $problems.Add("the compile-only facade $($file.Name) must never ship")
        }
    }
    return , $problems
}

function Install-Plugin([string] $Version) {
    $suffix = if ([Runtime.InteropServices.RuntimeInformation]::OSArchitecture -eq 'Arm64') { 'arm64' } else { 'x64' }
    $zip = Join-Path $ArtifactsPath "$PluginName-$Version-$suffix.zip"
    $plugins = Join-Path $env:LOCALAPPDATA 'Microsoft\PowerToys\PowerToys Run\Plugins'
    $target = Join-Path $plugins $PluginName
    Write-Step "Installing $(Split-Path -Leaf $zip) into $target"
    if (Test-Path -LiteralPath $target) {
        try {
            Remove-Item -LiteralPath $target -Recurse -Force
        }
        catch {
            throw "Could not replace $target ($($_.Exception.Message)). Quit PowerToys first: it holds the plugin's files while it runs."
        }
    }
    $null = New-Item -ItemType Directory -Path $plugins -Force
    [IO.Compression.ZipFile]::ExtractToDirectory($zip, $plugins)
    Write-Host "Installed. Restart PowerToys to load SessionKiller, then type 'logoff' in PowerToys Run."
}

# A problem ends the script with its message and exit code 1, not with a script trace.
try {
    if ($Install -and -not $IsWindows) {
        throw '-Install needs Windows: it copies into PowerToys Run''s Plugins folder under %LOCALAPPDATA%.'
    }

    $version = Get-ProductVersion
    $pluginId = Get-PluginId
    $zips = @($Platforms | ForEach-Object { Join-Path $ArtifactsPath "$PluginName-$version-$($_.Suffix).zip" })

    if (-not $VerifyOnly) {
        $sourceManifest = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'plugin.json') | ConvertFrom-Json
        if ($sourceManifest.Version -ne $version -or $sourceManifest.ID -ne $pluginId) {
            throw "plugin.json says version $($sourceManifest.Version) and ID $($sourceManifest.ID); the assembly is $version and Main.PluginID is $pluginId. Make them agree."
        }
        if (-not $IsWindows) {
            Write-Host 'Building against the facades generated from PowerToys'' sources (facades/PowerToys).'
        }

        $stage = Join-Path $ArtifactsPath 'stage'
        $logs = Join-Path $ArtifactsPath 'logs'
        foreach ($folder in $stage, $logs) {
            if (Test-Path -LiteralPath $folder) {
                Remove-Item -LiteralPath $folder -Recurse -Force
            }
            $null = New-Item -ItemType Directory -Path $folder -Force
        }
        Get-ChildItem -LiteralPath $ArtifactsPath -File | Where-Object { $_.Name -like "$PluginName-*.zip" -or $_.Name -like "$ExtensionName-*.msix" -or $_.Name -eq 'checksums.txt' } | Remove-Item -Force

        $certificate = Get-SigningCertificate
        if (-not $certificate) {
            Write-Host 'No signing certificate configured: the helper and the DLLs are not signed.'
        }

        $x64Helper = Publish-Helper -Rid 'win-x64' -Output (Join-Path $stage 'helper-win-x64') -Logs $logs
        if (-not $x64Helper) {
            Get-Content -LiteralPath (Join-Path $logs 'helper-win-x64.log') | Select-Object -Last 40 | Write-Host
            throw 'The win-x64 helper could not be published.'
        }
        Set-Signature -Files $x64Helper -Certificate $certificate

        foreach ($target in $Platforms) {
            # The helper first, signed: the plugin is built with the SHA-256 of exactly this file.
            $helper = $x64Helper
            if ($target.Rid -ne 'win-x64') {
                $helper = Publish-Helper -Rid $target.Rid -Output (Join-Path $stage "helper-$($target.Rid)") -Logs $logs
                if ($helper) {
                    Set-Signature -Files $helper -Certificate $certificate
                }
                else {
                    Write-Warning "The $($target.Rid) runtime packs cannot be restored here: the $($target.Platform) package carries the x64 helper, which Windows on ARM runs emulated."
                    $helper = $x64Helper
                }
            }
            $built = Join-Path $stage "plugin-$($target.Suffix)"
            Build-Plugin -Target $target -Helper $helper -Output $built -Logs $logs
            Set-Signature -Files @($OurAssemblies | ForEach-Object { Join-Path $built "$_.dll" }) -Certificate $certificate
            $root = Join-Path $stage "package-$($target.Suffix)/$PluginName"
            New-PackageFolder -Built $built -Helper $helper -Root $root
            New-Zip -Root $root -ZipPath ($zips | Where-Object { $_.EndsWith("-$($target.Suffix).zip") })
        }

        # The Command Palette extension: one MSIX layout per platform, packed and signed on Windows.
        foreach ($target in $Platforms) {
            # Built with the SHA-256 of the helper it carries, as the plugin is.
            $helper = Join-Path $stage "package-$($target.Suffix)/$PluginName/$HelperFile"
            $published = Publish-Extension -Rid $target.Rid -Helper $helper -Output (Join-Path $stage "extension-$($target.Rid)") -Logs $logs
            if (-not $published) {
                if ($target.Rid -eq 'win-x64') {
                    Get-Content -LiteralPath (Join-Path $logs 'extension-win-x64.log') | Select-Object -Last 40 | Write-Host
                    throw 'The win-x64 extension could not be published.'
                }
                Write-Warning "The $($target.Rid) runtime packs cannot be restored here: the $($target.Platform) MSIX layout is checked without its exe."
            }
            New-MsixLayout -Published $published -Helper $helper -Layout (Join-Path $ArtifactsPath "msix-$($target.Suffix)") -Architecture $target.Suffix -Version $version
            if ($IsWindows -and $published) {
                $msix = Join-Path $ArtifactsPath "$ExtensionName-$version-$($target.Suffix).msix"
                if (-not (Get-Command makeappx -ErrorAction SilentlyContinue)) {
                    throw 'makeappx is not on PATH: run from a Developer PowerShell, or add the Windows SDK (Microsoft.Windows.SDK.BuildTools) bin folder to PATH.'
                }
                & makeappx pack /o /d (Join-Path $ArtifactsPath "msix-$($target.Suffix)") /p $msix *> (Join-Path $logs "makeappx-$($target.Suffix).log")
                if ($LASTEXITCODE -ne 0) { throw "makeappx failed for $($target.Suffix); see the logs folder." }
                if ($CertificateThumbprint) {
                    $sign = @('sign', '/fd', 'SHA256', '/sha1', ($CertificateThumbprint -replace '\s', ''), '/tr', $TimestampServer, '/td', 'SHA256')
                    & signtool @sign $msix *> (Join-Path $logs "signtool-$($target.Suffix).log")
                    if ($LASTEXITCODE -ne 0) { throw "signtool failed for $($target.Suffix); see the logs folder." }
                }
                else {
                    Write-Warning "$(Split-Path -Leaf $msix) is not signed (no -CertificateThumbprint): install it in Developer Mode only."
                }
            }
        }

        $lines = foreach ($zip in $zips + @(Get-ChildItem -LiteralPath $ArtifactsPath -Filter "$ExtensionName-$version-*.msix" -File | ForEach-Object FullName)) {
            '{0}  {1}' -f (Get-FileHash -LiteralPath $zip -Algorithm SHA256).Hash.ToLowerInvariant(), (Split-Path -Leaf $zip)
        }
        [IO.File]::WriteAllText((Join-Path $ArtifactsPath 'checksums.txt'), (($lines -join "`n") + "`n"))
    }

    Write-Step 'Checking the packages'
    $problems = [Collections.Generic.List[string]]::new()
    foreach ($zip in $zips) {
        if (-not (Test-Path -LiteralPath $zip)) {
            $problems.Add("$(Split-Path -Leaf $zip) is missing")
            continue
        }
        foreach ($problem in (Test-PackageLayout -ZipPath $zip -Version $version -PluginId $pluginId)) {
            $problems.Add("$(Split-Path -Leaf $zip): $problem")
        }
    }
    $classId = Get-ExtensionClassId
    foreach ($target in $Platforms) {
        $layout = Join-Path $ArtifactsPath "msix-$($target.Suffix)"
        # Off Windows the win-arm64 packs may be missing: that layout then has no exe (said above as a warning).
        $expectExe = $IsWindows -or $target.Rid -eq 'win-x64' -or (Test-Path -LiteralPath (Join-Path $layout $ExtensionExe))
        foreach ($problem in (Test-MsixLayout -Layout $layout -Architecture $target.Suffix -Version $version -ClassId $classId -ExpectExe $expectExe)) {
            $problems.Add("msix-$($target.Suffix): $problem")
        }
    }
    $packages = @($zips | Where-Object { Test-Path -LiteralPath $_ }) + @(Get-ChildItem -LiteralPath $ArtifactsPath -Filter "$ExtensionName-$version-*.msix" -File | ForEach-Object FullName)
    foreach ($problem in (Test-Checksums -Zips $packages)) {
        $problems.Add($problem)
    }
    if ($problems.Count -gt 0) {
        $problems | ForEach-Object { Write-Host "layout problem: $_" }
        Write-Host "$($problems.Count) layout problem(s)."
        exit 1
    }

    foreach ($zip in $zips) {
        $item = Get-Item -LiteralPath $zip
        Write-Host ('{0}  {1:N1} MB' -f $item.Name, ($item.Length / 1MB))
    }
    Write-Host "Layout checked: one root folder $PluginName/ with plugin.json, our DLLs, Images/, satellites and $HelperFile; checksums.txt matches."
    Write-Host "MSIX layouts checked: AppxManifest.xml resolved (the CLSID twice as in the class, -RegisterProcessAsComServer), logos, $ExtensionExe and $HelperFile."
    if (-not $IsWindows -and -not $VerifyOnly) {
        Write-Host 'Built against the generated facades: the plugin references Wox.Plugin 0.0.0.0 (see README, Install the plugin).'
    }

    if ($Install) {
        Install-Plugin -Version $version
    }
}
catch {
    [Console]::Error.WriteLine("release.ps1: $($_.Exception.Message)")
    exit 1
}
