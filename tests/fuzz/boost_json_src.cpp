// Boost.JSON compiled from its sources, so that the fuzzers instrument it too.
#include <boost/json/src.hpp>
