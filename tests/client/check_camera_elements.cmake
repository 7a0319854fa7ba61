# The GStreamer elements Qt 6.4 Multimedia's GStreamer backend builds the camera and the
# still-picture pipelines from (element names as its plugin creates them): the camera source
# from the video4linux2 device provider, conversion and scaling, the JPEG encoder and the JFIF
# muxer, and the queue/sink plumbing. Each lives in a different Debian package (core, -base,
# -good, -bad); without one a Linux tablet lists no camera, or takes no picture, and the app's
# own log says nothing about why.
#   cmake -DGST_INSPECT=/usr/bin/gst-inspect-1.0 -P check_camera_elements.cmake
if(NOT EXISTS "${GST_INSPECT}")
  message(FATAL_ERROR "gst-inspect-1.0 not found (package gstreamer1.0-tools; scripts/setup-deps.sh installs it)")
endif()
set(missing "")
foreach(element v4l2src capsfilter videoconvert videoscale queue jpegenc jifmux fakesink appsink)
  execute_process(COMMAND ${GST_INSPECT} --exists ${element} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    list(APPEND missing ${element})
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "GStreamer elements missing for the camera: ${missing} (scripts/setup-deps.sh installs them)")
endif()
message(STATUS "every GStreamer element the camera needs is installed")
