// R's built-in mtcars data set (Motor Trend, 1974), the columns the statistics tests use, typed
// in row by row in R's order (Mazda RX4 … Volvo 142E), so expected values can be R's own output.
// Checked against a published mtcars.csv; sums: mpg 642.9, wt 102.952, hp 4694, qsec 571.16.
export const mtcars = {
  //   Mazda RX4, RX4 Wag, Datsun 710, Hornet 4 Drive, Hornet Sportabout, Valiant, Duster 360,
  //   Merc 240D, 230, 280, 280C, 450SE, 450SL, 450SLC, Cadillac Fleetwood, Lincoln Continental,
  //   Chrysler Imperial, Fiat 128, Honda Civic, Toyota Corolla, Toyota Corona, Dodge Challenger,
  //   AMC Javelin, Camaro Z28, Pontiac Firebird, Fiat X1-9, Porsche 914-2, Lotus Europa,
  //   Ford Pantera L, Ferrari Dino, Maserati Bora, Volvo 142E
  mpg: [
    21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4,
    14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4,
  ],
  wt: [
    2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25,
    5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17,
    2.77, 3.57, 2.78,
  ],
  hp: [
    110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215, 230, 66, 52, 65,
    97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109,
  ],
  qsec: [
    16.46, 17.02, 18.61, 19.44, 17.02, 20.22, 15.84, 20.0, 22.9, 18.3, 18.9, 17.4, 17.6, 18.0,
    17.98, 17.82, 17.42, 19.47, 18.52, 19.9, 20.01, 16.87, 17.3, 15.41, 17.05, 18.9, 16.7, 16.9,
    14.5, 15.5, 14.6, 18.6,
  ],
} as const;
