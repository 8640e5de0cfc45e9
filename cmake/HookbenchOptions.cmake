# One interface target that every Hookbench target links: the strict Qt defines and the
# warning flags live here once, as qBittorrent does with its own "qbt_common_cfg".
add_library(hookbench_options INTERFACE)
target_compile_definitions(hookbench_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    HOOKBENCH_VERSION="${PROJECT_VERSION}")
target_compile_options(hookbench_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
if(HOOKBENCH_WERROR)
    target_compile_options(hookbench_options INTERFACE -Werror)
endif()
if(HOOKBENCH_SANITIZE)
    target_compile_options(hookbench_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(hookbench_options INTERFACE -fsanitize=address,undefined)
endif()
