// placeholder for the ConnectSandbox module
