using System;
using System.IO;

namespace QuoteExtract.Models;

/// <summary>Opening a model file with errors that name it.</summary>
internal static class ModelFiles
{
    /// <summary>Opens the model file, or says clearly, naming it, why it cannot.</summary>
    public static FileStream Open(string fullPath, string kind)
    {
        try
        {
            return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException && Directory.Exists(fullPath))
        {
            throw new IOException($"The {kind} file '{fullPath}' is a directory, not a file.", ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"The {kind} file '{fullPath}' does not exist.", fullPath, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException($"The {kind} file '{fullPath}' may not be read: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new IOException($"The {kind} file '{fullPath}' cannot be opened: {ex.Message}", ex);
        }
    }
}
