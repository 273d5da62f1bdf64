/** The name the demo tree goes by in the header and in downloads (`khoscope-demo.dts`). */
export const DEMO_FILE_NAME = 'khoscope-demo.dtb';
