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
Elsewhere it builds against the compile-only facades in tests/Facades: a packaging check, not for installation.

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
    [string] $TimestampServer = 'http://timestamp.digicert.com'
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

$Required = @(
    'plugin.json',
    'Community.PowerToys.Run.Plugin.SessionKiller.dll',
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
            elseif ($file -notmatch '^(plugin\.json|sessionkiller\.exe|Images/[^/]+\.png)$') {
                $problems.Add("'$file' is not part of the package (plugin.json, DLLs, Images/, satellites, $HelperFile)")
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
        throw '-Install needs Windows: a build made elsewhere is a packaging check against facades, not a plugin PowerToys can load.'
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
            Write-Host 'Packaging check: built against compile-only facades, not for installation.'
        }

        $stage = Join-Path $ArtifactsPath 'stage'
        $logs = Join-Path $ArtifactsPath 'logs'
        foreach ($folder in $stage, $logs) {
            if (Test-Path -LiteralPath $folder) {
                Remove-Item -LiteralPath $folder -Recurse -Force
            }
            $null = New-Item -ItemType Directory -Path $folder -Force
        }
        Get-ChildItem -LiteralPath $ArtifactsPath -File | Where-Object { $_.Name -like "$PluginName-*.zip" -or $_.Name -eq 'checksums.txt' } | Remove-Item -Force

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

        $lines = foreach ($zip in $zips) {
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
    foreach ($problem in (Test-Checksums -Zips @($zips | Where-Object { Test-Path -LiteralPath $_ }))) {
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
    if (-not $IsWindows -and -not $VerifyOnly) {
        Write-Host 'Packaging check only: these zips were built against compile-only facades and are not for installation.'
    }

    if ($Install) {
        Install-Plugin -Version $version
    }
}
catch {
    [Console]::Error.WriteLine("release.ps1: $($_.Exception.Message)")
    exit 1
}
