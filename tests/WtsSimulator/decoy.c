/*
 * A wtsapi32.dll as any process of the user could plant beside sessionkiller.exe. It exports nothing;
 * when it is loaded at all, it creates the file named by WTSSIM_DECOY_MARKER, so a test can tell that
 * the program looked beside itself before System32.
 */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance;
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH) {
        WCHAR marker[MAX_PATH];
        DWORD length = GetEnvironmentVariableW(L"WTSSIM_DECOY_MARKER", marker, MAX_PATH);
        if (length > 0 && length < MAX_PATH) {
            HANDLE file = CreateFileW(marker, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
            if (file != INVALID_HANDLE_VALUE) {
                CloseHandle(file);
            }
        }
    }
    return TRUE;
}
