#pragma once
// Version of ctgrad. The library has no configuration macros: every choice is made per call.
#define CTGRAD_VERSION_MAJOR 0
#define CTGRAD_VERSION_MINOR 1
#define CTGRAD_VERSION_PATCH 0
