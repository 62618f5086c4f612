# Runs in the copied project folder before the command: values that are not finite numbers,
# in the value and in a confidence limit.
set -e
sed -i '3s/,31.0,/,NaN,/; 4s/,30.6,/,inf,/; 5s/,13.9,/,-Infinity,/; 6s/,12.0,/,1e309,/; 7s/,32.8,/,nan,/' indicators/data/minimal.csv
[ "$(grep -cE ',(NaN|nan|inf|-Infinity|1e309),' indicators/data/minimal.csv)" = 5 ]
